"""The fictional demo caseload (fictional data is not a use case)."""
