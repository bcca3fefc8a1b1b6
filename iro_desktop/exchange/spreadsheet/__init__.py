"""Tracker spreadsheets (xlsx and csv) brought into the caseload."""
