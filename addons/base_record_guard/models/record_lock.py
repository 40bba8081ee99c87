"""record_lock: to be written."""
