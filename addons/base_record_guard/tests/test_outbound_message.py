"""Tests of outbound_message: to be written."""
