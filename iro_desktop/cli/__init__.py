"""The ``iro-desktop`` command line: ``main`` parses and runs one command; each family of
commands is a module here with a ``register(subparsers)`` function."""

from iro_desktop.cli.main import main

__all__ = ["main"]
