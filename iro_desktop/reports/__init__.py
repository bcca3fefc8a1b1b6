"""Documents adults read: figures (files, Word, charts, merge), subject access, the decisions
record and the briefing pack."""
