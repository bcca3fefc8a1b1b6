"""The test suite: a regular package, so that a stray top-level `tests` package some
dependency may install cannot shadow it."""
