"""Thin Qt item models over service results (column constants, a sort role, an object role)."""
