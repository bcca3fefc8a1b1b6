"""The encrypted handover: the full records of chosen children, for the next IRO.

``bundle`` is the file format and its encryption, ``collect`` what goes in and writing it,
``receive`` bringing it into a caseload. The names here are the package's public face, for
the services that offer the handover."""

from iro_desktop.exchange.handover.bundle import (
    BUNDLE_SUFFIX,
    Bundle,
    HandoverError,
    HandoverRefused,
    open_bundle,
)
from iro_desktop.exchange.handover.check import (
    BadHandoverValues,
    IdentityConflict,
    SameReference,
    SameReferenceRefused,
)
from iro_desktop.exchange.handover.collect import suggested_file_name, write_handover
from iro_desktop.exchange.handover.receive import SOURCE_HANDOVER, ReceiveReport, receive_bundle

__all__ = [
    "BUNDLE_SUFFIX",
    "SOURCE_HANDOVER",
    "BadHandoverValues",
    "Bundle",
    "HandoverError",
    "HandoverRefused",
    "IdentityConflict",
    "ReceiveReport",
    "SameReference",
    "SameReferenceRefused",
    "open_bundle",
    "receive_bundle",
    "suggested_file_name",
    "write_handover",
]
