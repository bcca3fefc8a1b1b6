"""The encrypted store: SQLCipher under sqlite-utils, migrations, change history.

sqlite-utils catches the standard library's ``sqlite3`` exceptions, but SQLCipher raises its
own classes. sqlite-utils prefers a module named ``pysqlite3`` when one is importable, so we
alias SQLCipher's driver under that name *before* sqlite-utils is first imported; then its
``alter=True``, ``ignore=True`` and ``RETURNING`` paths see the exceptions they expect.
"""

import sys

import sqlcipher3
from sqlcipher3 import dbapi2 as _sqlcipher_dbapi2

sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", _sqlcipher_dbapi2)

if "sqlite_utils" in sys.modules and sys.modules["pysqlite3"] is not sqlcipher3:
    raise ImportError("iro_desktop.storage must be imported before sqlite_utils")

# sqlite-utils imports numpy and pandas, when installed, only to map their value types to
# column types; we never store either. Hiding them for that one import saves ~0.1 s at every
# start (matplotlib brings numpy); both import normally afterwards.
_hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
for _name in _hidden:
    sys.modules[_name] = None  # type: ignore[assignment]
try:
    import sqlite_utils  # noqa: F401
finally:
    for _name in _hidden:
        del sys.modules[_name]
