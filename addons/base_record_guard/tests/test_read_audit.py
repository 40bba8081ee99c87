"""Tests of read_audit: to be written."""
