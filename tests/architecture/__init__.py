"""The architecture rules (import contracts, loops, floors, the one door to the file) and the
tests that prove each rule can fail."""
