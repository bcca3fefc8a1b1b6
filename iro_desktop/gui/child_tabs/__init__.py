"""The child view's tabs, one module each."""
