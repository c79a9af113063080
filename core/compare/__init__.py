"""Year comparison: matching projects and indicators across two years, and the change list.

    from core.compare import compare_documents, Corrections
    result = compare_documents(last_year, this_year, Corrections(force=[(0, 2)]))
    result.changes   # Change records (kind: ChangeKind); change.to_dict() / result.to_json() give the
                     # dicts of ../shared/tools/score_compare.py
    result.matches   # aligned ProjectMatch rows, each with its reason, confidence and indicator rows
"""

from core.compare.causes import Cause
from core.compare.diff import Change, ChangeKind, Comparison, compare_documents
from core.compare.match import Corrections, IndicatorMatch, MatchReason, ProjectMatch, corrections_from_pairs
from core.project_code import document_year

__all__ = [
    "Cause",
    "Change",
    "ChangeKind",
    "Comparison",
    "Corrections",
    "IndicatorMatch",
    "MatchReason",
    "ProjectMatch",
    "compare_documents",
    "corrections_from_pairs",
    "document_year",
]
