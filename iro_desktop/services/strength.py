"""How hard a new passphrase is to guess: zxcvbn's estimate (0 to 4), refused below 3.

Applied whenever a passphrase is chosen (a new caseload, a passphrase change, a handover),
in the GUI and the command line alike; an existing caseload still opens with the passphrase
it has, and the demo's built-in passphrase is exempt.
"""

from __future__ import annotations

from zxcvbn import zxcvbn

from iro_desktop.i18n import _
from iro_desktop.storage.errors import StoreError

MIN_SCORE = 3  # of zxcvbn's 4: "safely unguessable" for an offline attack on a slow hash
MIN_PASSPHRASE_LENGTH = 8
_LABELS = {0: "Very weak", 1: "Weak", 2: "Fair", 3: "Strong", 4: "Strong, very hard to guess"}
_ADVICE = "Four or five ordinary words that do not belong together make a strong passphrase."


class WeakPassphrase(StoreError):
    """The passphrase chosen is too easy to guess; nothing was created or changed."""


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """zxcvbn's score (0 to 4; 3 or more may be used) and a plain hint."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return (
            0,
            f"Too short: {MIN_PASSPHRASE_LENGTH} characters or more (a short sentence is best).",
        )
    result = zxcvbn(passphrase[:72])  # zxcvbn refuses more than 72 (and costs more)
    score = int(result["score"])
    label = _LABELS[score]
    if score >= MIN_SCORE:
        return score, f"{label}."
    warning = (result.get("feedback") or {}).get("warning") or ""
    return score, " ".join(p for p in (f"{label}: too easy to guess.", warning, _ADVICE) if p)


def require_strong(passphrase: str, what: str = "passphrase") -> None:
    """WeakPassphrase (saying why and what would do) when ``passphrase`` scores below 3."""
    score, hint = passphrase_strength(passphrase)
    if score < MIN_SCORE:
        raise WeakPassphrase(
            _(
                "That %(what)s is too easy to guess, so it was not used. %(hint)s "
                "Nothing was changed."
            )
            % {"what": what, "hint": hint}
        )
