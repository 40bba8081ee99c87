"""Tests of record_lock: to be written."""
