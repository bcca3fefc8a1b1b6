"""Files exchanged with the council: the DfE SSDA903 return's CSV tables (import and export)."""
