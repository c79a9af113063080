"""The review memo (审核意见): content as data, rendered to PDF and DOCX."""
