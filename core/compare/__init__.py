"""Year comparison: matching projects and indicators across two years, and the change list."""
