"""Dialogs opened from the menus and views, one module each."""
