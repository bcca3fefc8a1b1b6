"""The main window's views: due, caseload, child and figures. They show what they are given."""
