"""Restoration benchmark: a corruption simulator, metrics and baselines."""
