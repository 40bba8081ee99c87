"""Benchmark workloads of customer_records (see bench.py)."""
