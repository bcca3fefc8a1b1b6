"""The reports read the same demo caseload as the letters: one per test module."""

from tests.letters.conftest import demo, demo_children  # noqa: F401 (fixtures)
