"""The child's review letter and the decisions record (Word documents). Qt-free."""
