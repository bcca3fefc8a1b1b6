"""Logging to a rotating file in the user's log folder, with no personal data in it, ever.

The records are about children, so the log holds *events*, never text: an event name and a few
fields whose values are numbers, child references, initials or code words. The formatter below
builds every line from those alone. It never calls ``record.getMessage()``: a message, its
arguments and an exception's text (which can quote a name, a date of birth or a note) are
withheld; an exception is logged by its class name only.

Use it like this::

    from iro_desktop.logs import get_logger, log_event

    log = get_logger(__name__)
    log_event(log, "backup.taken", kind="daily", count=3, seconds=0.12)

Configure once per process, from ``cli.main`` and the GUI's entry point::

    configure_logging()
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from iro_desktop.paths import log_dir

LOG_FILE_NAME = "iro-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

WITHHELD = "<withheld>"

# Keys whose *text* values may be written, each with the shape the value must have.
_TEXT_FIELDS: dict[str, re.Pattern[str]] = {
    "ref": re.compile(r"[A-Za-z0-9_/-]{1,20}"),
    "initials": re.compile(r"[A-Z]{1,3}"),
    "kind": re.compile(r"[a-z0-9_.-]{1,30}"),
    "table": re.compile(r"[a-z0-9_]{1,40}"),
    "operation": re.compile(r"[a-z0-9_.-]{1,40}"),
    "outcome": re.compile(r"[a-z0-9_.-]{1,40}"),
    "error": re.compile(r"[A-Za-z0-9_.]{1,60}"),
    "command": re.compile(r"[a-z0-9_-]{1,30}"),
    "file_kind": re.compile(r"[a-z0-9_.-]{1,30}"),
}
_KEY = re.compile(r"[a-z][a-z0-9_]{0,30}")
_EVENT = re.compile(r"[a-z0-9_.-]{1,60}")

_handler: logging.Handler | None = None


def get_logger(name: str) -> logging.Logger:
    return logging.getLogger(name)


def log_event(logger: logging.Logger, event: str, level: int = logging.INFO, **fields: Any) -> None:
    """Log ``event`` with ``fields``: numbers, and for the keys in ``_TEXT_FIELDS`` short
    references, initials or code words. Anything else is written as ``<withheld>``."""
    logger.log(level, event, extra={"iro_event": event, "iro_fields": fields})


def safe_value(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.3f}"
    pattern = _TEXT_FIELDS.get(key)
    if isinstance(value, str) and pattern is not None and pattern.fullmatch(value):
        return value
    return WITHHELD


class PrivacyFormatter(logging.Formatter):
    """Writes ``time level logger event key=value ...`` and nothing a person typed."""

    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        event = getattr(record, "iro_event", None)
        if not isinstance(event, str) or not _EVENT.fullmatch(event):
            event = "message-withheld"
        parts = [when, record.levelname, record.name, event]
        fields = getattr(record, "iro_fields", None)
        if isinstance(fields, dict):
            for key, value in fields.items():
                if isinstance(key, str) and _KEY.fullmatch(key):
                    parts.append(f"{key}={safe_value(key, value)}")
        if record.exc_info and record.exc_info[0] is not None:
            parts.append(f"error={record.exc_info[0].__name__}")
        return " ".join(parts)

    def formatException(self, ei: Any) -> str:
        return ""

    def formatStack(self, stack_info: str) -> str:
        return ""


class PrivacyFilter(logging.Filter):
    """Strips what a handler might print besides our formatter's line: message arguments,
    exception text and stack. Attached to our handler so the record it sees is bare."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_text = None
        record.stack_info = None
        return True


def default_log_dir() -> Path:
    return log_dir()


def configure_logging(folder: Path | None = None, *, level: int = logging.INFO) -> Path:
    """Send IRO Desktop's events to a rotating file in ``folder`` (the user's log folder by
    default). Safe to call more than once: the handler is replaced, never doubled.
    Returns the log file's path."""
    global _handler
    folder = Path(folder) if folder is not None else default_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
    path = folder / LOG_FILE_NAME
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setLevel(level)
    handler.setFormatter(PrivacyFormatter())
    handler.addFilter(PrivacyFilter())
    root.addHandler(handler)
    logging.getLogger("iro_desktop").setLevel(level)
    _handler = handler
    return path


def stop_logging() -> None:
    """Remove the handler (tests; the end of a session)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
