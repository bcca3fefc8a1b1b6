"""The DfE SSDA903 return: its specification, reading, writing and rules."""
