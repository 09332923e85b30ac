"""Every user-facing Chinese string, grouped by the dialog that uses it."""
