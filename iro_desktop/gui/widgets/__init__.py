"""Widget parts shared by several dialogs and views."""
