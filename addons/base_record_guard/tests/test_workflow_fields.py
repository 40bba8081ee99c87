"""Tests of workflow_fields: to be written."""
