"""Qt item models over the workspace: one per editor, with column constants and roles."""
