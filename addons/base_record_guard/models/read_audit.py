"""read_audit: to be written."""
