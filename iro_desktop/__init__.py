"""IRO Desktop: an Independent Reviewing Officer's caseload, offline."""

__version__ = "0.1.0"
