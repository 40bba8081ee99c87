"""Tests of link_guard: to be written."""
