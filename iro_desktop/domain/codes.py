"""What the DfE SSDA903 codes mean, in words an IRO uses (IRO-BRIEF.md §3).

The meanings are marked for the app's catalogue (``N_``); ``*_meaning`` give them in the IRO's
language, and a caller reading a table directly translates with ``_(meaning)``."""

from __future__ import annotations

from iro_desktop.i18n import N_, _

PARTICIPATION_CODES = {
    "PN0": N_("Child aged under 4 at the time of the review"),
    "PN1": N_("Child attends and speaks for themselves"),
    "PN2": N_("Child attends and an advocate (or the IRO) speaks for them"),
    "PN3": N_("Child attends and conveys their views symbolically (non-verbally)"),
    "PN4": N_("Child attends but does not speak or convey their views"),
    "PN5": N_("Child does not attend but briefs an advocate (or the IRO) to speak for them"),
    "PN6": N_("Child does not attend but conveys their views another way (writing, phone, an app)"),
    "PN7": N_("Child does not attend and their views are not conveyed"),
}

LEGAL_STATUSES = {
    "C1": N_("Interim care order"),
    "C2": N_("Full care order"),
    "D1": N_("Freeing order granted"),
    "E1": N_("Placement order granted"),
    "J1": N_("Remanded to LA accommodation or youth detention"),
    "J2": N_("Placed under police protection in LA accommodation"),
    "J3": N_("Sentenced to a youth rehabilitation order with residence requirement"),
    "L1": N_("Under police protection in LA accommodation"),
    "L2": N_("Emergency protection order"),
    "L3": N_("Child assessment order with LA accommodation"),
    "V2": N_("Single period of accommodation under s20"),
    "V3": N_("Accommodated under an agreed series of short-term breaks (individual episodes)"),
    "V4": N_("Accommodated under an agreed series of short-term breaks (one episode)"),
}

PLACEMENT_TYPES = {
    "A3": N_("Placed for adoption with parental consent with current foster carer"),
    "A4": N_("Placed for adoption with parental consent not with current foster carer"),
    "A5": N_("Placed for adoption with placement order with current foster carer"),
    "A6": N_("Placed for adoption with placement order not with current foster carer"),
    "H5": N_("Semi-independent living accommodation"),
    "K1": N_("Secure children's home"),
    "K2": N_("Children's home"),
    "K3": N_("Supported accommodation (replaces H5 from 2025-26)"),
    "P1": N_("Placed with own parent(s) or other person with parental responsibility"),
    "P2": N_("Independent living, e.g. flat or lodgings"),
    "P3": N_("Residential employment"),
    "R1": N_("Residential care home"),
    "R2": N_("NHS or health trust establishment"),
    "R3": N_("Family centre or mother and baby unit"),
    "R5": N_("Young offender institution or prison"),
    "S1": N_("All residential schools, except where dual-registered as a school and home"),
    "T0": N_("Temporary placement: all types"),
    "T1": N_("Temporary periods in hospital"),
    "T2": N_("Temporary periods of absence"),
    "T3": N_("Temporary periods in a YOI or secure unit"),
    "T4": N_("Temporary periods in other residential settings"),
    "U1": N_("Foster placement with relative or friend: long-term fostering"),
    "U2": N_("Foster placement with relative or friend who is an approved adopter (FFA)"),
    "U3": N_("Foster placement with relative or friend: not long-term or FFA"),
    "U4": N_("Foster placement with other foster carer: long-term fostering"),
    "U5": N_("Foster placement with other foster carer who is an approved adopter (FFA)"),
    "U6": N_("Foster placement with other foster carer: not long-term or FFA"),
    "Z1": N_("Other placements"),
    # From 2025-26 (resources/ssda903/codes-2026.json holds which year allows which code).
    "Z11": N_("Other placement (DfE code Z11, replaces part of Z1)"),
    "Z12": N_("Other placement (DfE code Z12, replaces part of Z1)"),
    "Z13": N_("Other placement (DfE code Z13, replaces part of Z1)"),
    "Z14": N_("Other placement (DfE code Z14, replaces part of Z1)"),
}

REASONS_NEW_EPISODE = {
    "S": N_("Started to be looked after"),
    "L": N_("Change of legal status only"),
    "P": N_("Change of placement only"),
    "T": N_("Change of legal status and placement at the same time"),
    "U": N_("Change of legal status and placement, not at the same time"),
    "B": N_("Change of placement and carer(s) stay the same"),
}


def participation_meaning(code: str) -> str:
    if code in PARTICIPATION_CODES:
        return _(PARTICIPATION_CODES[code])
    return code or _("No participation code recorded")


def legal_status_meaning(code: str) -> str:
    return _(LEGAL_STATUSES[code]) if code in LEGAL_STATUSES else code


def placement_meaning(code: str) -> str:
    return _(PLACEMENT_TYPES[code]) if code in PLACEMENT_TYPES else code
