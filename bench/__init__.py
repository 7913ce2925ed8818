"""Benchmarks (`make bench`) and the synthetic-model generator they and the tests use."""
