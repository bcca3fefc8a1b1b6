"""Encrypted handover bundles between IROs."""
