"""Controllers: each runs one family of actions on the worker, given the AppContext."""
