"""The encrypted store: SQLCipher under sqlite-utils, migrations, change history.

sqlite-utils catches the standard library's ``sqlite3`` exceptions, but SQLCipher raises its
own classes. sqlite-utils prefers a module named ``pysqlite3`` when one is importable, so we
alias SQLCipher's driver under that name *before* sqlite-utils is first imported; then its
``alter=True``, ``ignore=True`` and ``RETURNING`` paths see the exceptions they expect.
"""

import importlib.abc
import importlib.machinery
import sys

import sqlcipher3
from sqlcipher3 import dbapi2 as _sqlcipher_dbapi2

sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", _sqlcipher_dbapi2)

if "sqlite_utils" in sys.modules and sys.modules["pysqlite3"] is not sqlcipher3:
    raise ImportError("iro_desktop.storage must be imported before sqlite_utils")

# sqlite-utils imports numpy and pandas, when installed, only to map their value types to
# column types; we never store either. Hiding them while its ``db`` module loads saves ~0.1 s
# at every start (matplotlib brings numpy); both import normally afterwards. sqlite-utils
# itself loads when a storage module first needs it, not here: the desktop app derives the
# caseload's key (``storage.early_key``) with nothing but SQLCipher's driver loaded.


class _WithoutNumpy(importlib.abc.MetaPathFinder):
    """Loads ``sqlite_utils.db`` with numpy and pandas hidden, whenever it is first imported."""

    def find_spec(self, name, path=None, target=None):
        if name != "sqlite_utils.db":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        run = spec.loader.exec_module

        def exec_module(module) -> None:
            hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
            for hide in hidden:
                sys.modules[hide] = None  # type: ignore[assignment]
            try:
                run(module)
            finally:
                for hide in hidden:
                    if sys.modules.get(hide) is None:
                        del sys.modules[hide]

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if "sqlite_utils.db" not in sys.modules:
    sys.meta_path.insert(0, _WithoutNumpy())
