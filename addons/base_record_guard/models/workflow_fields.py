"""workflow_fields: to be written."""
