"""Linking: which model each mention, value and claim is about."""
