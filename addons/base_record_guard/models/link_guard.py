"""link_guard: to be written."""
