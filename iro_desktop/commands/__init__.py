"""Subcommands of ``iro-desktop``, one module per feature (see ``common``)."""
