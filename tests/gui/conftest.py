"""GUI tests run offscreen (set in tests/conftest.py) on a copy of the demo caseload
(`demo_file`, `demo_store`: the session's one demo build, copied per test)."""

from tests.conftest import DEMO_DAY

TODAY = DEMO_DAY
