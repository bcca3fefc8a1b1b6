"""Use cases shared by the GUI and the command line: one function per thing a user does."""
