"""How hard a new passphrase is to guess: zxcvbn's estimate (0 to 4), refused below 3.

Applied whenever a passphrase is chosen (a new caseload, a passphrase change, a handover),
in the GUI and the command line alike; an existing caseload still opens with the passphrase
it has, and the demo's built-in passphrase is exempt.
"""

from __future__ import annotations

from zxcvbn import zxcvbn

from iro_desktop.i18n import N_, _, language
from iro_desktop.storage.errors import StoreError

MIN_SCORE = 3  # of zxcvbn's 4: "safely unguessable" for an offline attack on a slow hash
MIN_PASSPHRASE_LENGTH = 8
_LABELS = {
    0: N_("Very weak"),
    1: N_("Weak"),
    2: N_("Fair"),
    3: N_("Strong"),
    4: N_("Strong, very hard to guess"),
}
_ADVICE = N_("Four or five ordinary words that do not belong together make a strong passphrase.")


class WeakPassphrase(StoreError):
    """The passphrase chosen is too easy to guess; nothing was created or changed."""


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """zxcvbn's score (0 to 4; 3 or more may be used) and a plain hint."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return (
            0,
            _("Too short: %(count)d characters or more (a short sentence is best).")
            % {"count": MIN_PASSPHRASE_LENGTH},
        )
    result = zxcvbn(passphrase[:72])  # zxcvbn refuses more than 72 (and costs more)
    score = int(result["score"])
    label = _(_LABELS[score])
    if score >= MIN_SCORE:
        return score, _("%(strength)s.") % {"strength": label}
    # zxcvbn's own warning is English only: shown to an IRO working in English.
    warning = (result.get("feedback") or {}).get("warning") or "" if language() == "en" else ""
    weak = _("%(strength)s: too easy to guess.") % {"strength": label}
    return score, " ".join(p for p in (weak, warning, _(_ADVICE)) if p)


def require_strong(passphrase: str, what: str = N_("passphrase")) -> None:
    """WeakPassphrase (saying why and what would do) when ``passphrase`` scores below 3."""
    score, hint = passphrase_strength(passphrase)
    if score < MIN_SCORE:
        raise WeakPassphrase(
            _(
                "That %(what)s is too easy to guess, so it was not used. %(hint)s "
                "Nothing was changed."
            )
            % {"what": _(what), "hint": hint}
        )
