"""Each table's definition, written beside it in the Word export and the Figures view, with
the council's timescales filled in."""

from __future__ import annotations


def definitions(timescales: dict[str, int]) -> dict[str, str]:
    """Each table's definition, with the council's timescales filled in."""
    t = {
        "decisions": 5,
        "letter": 20,
        "informal": 10,
        "formal_process": 20,
        "pre_review": 15,
        **timescales,
    }
    return {
        "who": (
            "Each child counts for the IRO holding them at the end of the period: a child on "
            "this caseload then, or who left care (or turned 18) while on it, counts here with "
            "all of the period; a child handed over to another IRO before then counts for them. "
            "Figures count events in the period, both dates included; while the period is "
            "still running, up to the day before the figures were made."
        ),
        "timeliness": (
            "Reviews held: reviews held in the period, by the date each is judged by (its "
            "first part, or the final part if the council judges by it). In time: held on or "
            "before the statutory due date (first review within 20 working days of becoming "
            "looked after, the second within 3 months, then every 6 months; adoption and "
            "short breaks by their own rules). Late with a reason: late reviews "
            "where the reason is recorded. Missed: a review that fell due in the period while "
            "the child was under that regime and was never held, because the child left care, "
            "changed regime (e.g. placed for adoption), turned 18 or the period ended first. "
            "Children reviewed: children with at least one review held in the period. All "
            "reviews in time (as the former national indicator NI66): children reviewed in the "
            "period whose "
            "every review held in the period was in time and who missed none in the period."
        ),
        "by_number": (
            "Reviews held in the period by their number within the child's period of care "
            "(or adoption placement, or short-break arrangement): first (20 working days; 28 "
            "days for adoption; 3 months for short breaks), second (3 months) and "
            "subsequent (6 months)."
        ),
        "missed": "Reviews missed in the period (see Timeliness), by what came first.",
        "by_month": (
            "Reviews held in each month of the period, in time and late; missed reviews in "
            "the month they fell due."
        ),
        "participation_codes": (
            "Reviews held in the period by their DfE SSDA903 participation code (PN0-PN7), "
            "in the layout annual reports use. Codes checked: PN0 for a child aged 4 or "
            "over on the review day, or PN1-PN7 for a child under 4 (DfE rules 440 and 441; a "
            "review on the 4th birthday passes either way)."
        ),
        "participation_shares": (
            "Of reviews coded PN1-PN7 (children aged 4 or over), those where the child "
            "contributed (PN1-PN6) and attended (PN1-PN4), the way IRO annual reports count "
            "them (e.g. 409 and 360 of 451 reviews: 91% contributed, 80% attended)."
        ),
        "views_how": (
            "Reviews coded PN1-PN7 by how the child gave their views, from the ways the IRO "
            "chose on the review; a review with more than one way counts once, as the first "
            "in this order: app, writing, phone, video, pictures or symbols, advocate, "
            "through their carer, did not give views, observed, in person, another way. A "
            "review recorded before the ways could be chosen is read from the IRO's note 'how "
            "views were given' (the first of the same words found), as before."
        ),
        "parents": (
            "Reviews held in the period by parents' participation, read from the IRO's note; "
            "a review may count in more than one row (e.g. one parent came and the other "
            "wrote), so the rows do not add up to the total."
        ),
        "preparation": (
            f"Of reviews held in the period: a pre-review meeting with the social worker held "
            f"before the review (after the previous one), and at least {t['pre_review']} days "
            f"before it; the IRO met or spoke with the child (a recorded contact) after the "
            f"previous review and before the review day; consultation papers sent for "
            f"children aged 4 or over, and of those returned by the review day. Midpoint "
            f"checks: for each interval between reviews whose calendar midpoint fell in the "
            f"period, a check done before the next review, and on or before the midpoint. "
            f"Decisions circulated within {t['decisions']} working days, and the letter to "
            f"the child and the full record sent within {t['letter']} working days, of the "
            f"review (its judged date); a review whose deadline has not yet come and that is "
            f"not yet done is left out."
        ),
        "challenges": (
            f"Challenges (dispute resolution, IRO Handbook ch. 6) raised in the period (the "
            f"date of their first stage), by the stage they were raised at, the highest stage "
            f"they reached, and theme. Resolved in time: of challenges resolved in the "
            f"period, resolved within {t['informal']} working days of raising when informal "
            f"only, or within {t['formal_process']} working days of the first formal stage "
            f"(the protocol's timescale). Escalated: challenges that moved to a further stage "
            f"in the period. Open at the end: raised by the end of the period and not "
            f"resolved by then, by their stage at that date."
        ),
        "challenges_by_stage": (
            "Challenges raised in the period by the stage they were raised at and the highest "
            "stage they reached by the end of the period; challenges open at the end by their "
            "stage then (raised in this period or before)."
        ),
        "challenges_by_theme": "Challenges raised in the period, by the theme the IRO recorded.",
        "caseload_by_age_band": (
            "Children looked after at the end of the period by their age that day."
        ),
        "caseload_by_legal_status": (
            "Children looked after at the end of the period by the legal status of their "
            "episode that day (DfE SSDA903 codes)."
        ),
        "caseload_by_placement_type": (
            "Children looked after at the end of the period by the placement type of their "
            "episode that day (DfE SSDA903 codes)."
        ),
        "caseload": (
            "Children looked after (or in a short-break arrangement) at the end of the "
            "period, by age band, legal status and placement type (their episode that day), "
            "placed out of the council's area (from the council postcodes setting; unknown "
            "where not set), and unaccompanied asylum-seeking children. New entrants: "
            "children who started a period of care or a short-break arrangement in the "
            "period. Leavers: children who ceased to be looked after in the period."
        ),
    }


DEFINITIONS = definitions({})
