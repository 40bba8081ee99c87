"""safe_export: to be written."""
