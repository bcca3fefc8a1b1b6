"""What the DfE SSDA903 codes mean, in words an IRO uses (IRO-BRIEF.md §3)."""

from __future__ import annotations

PARTICIPATION_CODES = {
    "PN0": "Child aged under 4 at the time of the review",
    "PN1": "Child attends and speaks for themselves",
    "PN2": "Child attends and an advocate (or the IRO) speaks for them",
    "PN3": "Child attends and conveys their views symbolically (non-verbally)",
    "PN4": "Child attends but does not speak or convey their views",
    "PN5": "Child does not attend but briefs an advocate (or the IRO) to speak for them",
    "PN6": "Child does not attend but conveys their views another way (writing, phone, an app)",
    "PN7": "Child does not attend and their views are not conveyed",
}

LEGAL_STATUSES = {
    "C1": "Interim care order",
    "C2": "Full care order",
    "D1": "Freeing order granted",
    "E1": "Placement order granted",
    "J1": "Remanded to LA accommodation or youth detention",
    "J2": "Placed under police protection in LA accommodation",
    "J3": "Sentenced to a youth rehabilitation order with residence requirement",
    "L1": "Under police protection in LA accommodation",
    "L2": "Emergency protection order",
    "L3": "Child assessment order with LA accommodation",
    "V2": "Single period of accommodation under s20",
    "V3": "Accommodated under an agreed series of short-term breaks (individual episodes)",
    "V4": "Accommodated under an agreed series of short-term breaks (one episode)",
}

PLACEMENT_TYPES = {
    "A3": "Placed for adoption with parental consent with current foster carer",
    "A4": "Placed for adoption with parental consent not with current foster carer",
    "A5": "Placed for adoption with placement order with current foster carer",
    "A6": "Placed for adoption with placement order not with current foster carer",
    "H5": "Semi-independent living accommodation",
    "K1": "Secure children's home",
    "K2": "Children's home",
    "K3": "Supported accommodation (replaces H5 from 2025-26)",
    "P1": "Placed with own parent(s) or other person with parental responsibility",
    "P2": "Independent living, e.g. flat or lodgings",
    "P3": "Residential employment",
    "R1": "Residential care home",
    "R2": "NHS or health trust establishment",
    "R3": "Family centre or mother and baby unit",
    "R5": "Young offender institution or prison",
    "S1": "All residential schools, except where dual-registered as a school and home",
    "T0": "Temporary placement: all types",
    "T1": "Temporary periods in hospital",
    "T2": "Temporary periods of absence",
    "T3": "Temporary periods in a YOI or secure unit",
    "T4": "Temporary periods in other residential settings",
    "U1": "Foster placement with relative or friend: long-term fostering",
    "U2": "Foster placement with relative or friend who is an approved adopter (FFA)",
    "U3": "Foster placement with relative or friend: not long-term or FFA",
    "U4": "Foster placement with other foster carer: long-term fostering",
    "U5": "Foster placement with other foster carer who is an approved adopter (FFA)",
    "U6": "Foster placement with other foster carer: not long-term or FFA",
    "Z1": "Other placements",
    # From 2025-26 (resources/ssda903/codes-2026.json holds which year allows which code).
    "Z11": "Other placement (DfE code Z11, replaces part of Z1)",
    "Z12": "Other placement (DfE code Z12, replaces part of Z1)",
    "Z13": "Other placement (DfE code Z13, replaces part of Z1)",
    "Z14": "Other placement (DfE code Z14, replaces part of Z1)",
}

REASONS_NEW_EPISODE = {
    "S": "Started to be looked after",
    "L": "Change of legal status only",
    "P": "Change of placement only",
    "T": "Change of legal status and placement at the same time",
    "U": "Change of legal status and placement, not at the same time",
    "B": "Change of placement and carer(s) stay the same",
}


def participation_meaning(code: str) -> str:
    return PARTICIPATION_CODES.get(code, code or "No participation code recorded")


def legal_status_meaning(code: str) -> str:
    return LEGAL_STATUSES.get(code, code)


def placement_meaning(code: str) -> str:
    return PLACEMENT_TYPES.get(code, code)
