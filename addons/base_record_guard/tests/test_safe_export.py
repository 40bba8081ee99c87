"""Tests of safe_export: to be written."""
