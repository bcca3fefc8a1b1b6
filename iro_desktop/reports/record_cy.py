"""The decisions record's fixed wording in Welsh, until the app's catalogue holds it.

Issue 19 builds the app's gettext catalogue (``resources/translations/cy/LC_MESSAGES/app.po``)
in parallel; this dict is the Welsh for every message the decisions record writes
(``reports.decisions_record``, ``reports.pages``, ``reports.plan_view``), keyed by msgid, for
the catalogue's keeper to fold in: each entry becomes a ``msgstr``, the ``# CHECK:`` notes
become translator comments, and then this module and the ``WELSH`` argument in
``decisions_record.record_translator`` go. Used only where the catalogue has no translation,
so a translation in the catalogue always wins.

A plural message is keyed by its singular msgid with one text for every count: Welsh puts
the singular noun after a number ("5 diwrnod", "12 mis"), so one form reads right for all.

Terms follow the Welsh Government's where it has them: Swyddog Adolygu Annibynnol (IRO),
plentyn sy'n derbyn gofal, adolygiad, cynllun gofal a chymorth. Every entry should be read by
a Welsh speaker before a council relies on it; those marked ``# CHECK:`` most of all.
"""

from __future__ import annotations

WELSH: dict[str, str] = {
    # -- the page ----------------------------------------------------------------------------
    "Review decisions record": "Cofnod penderfyniadau'r adolygiad",
    "%(name)s (%(ref)s): review held %(day)s": "%(name)s (%(ref)s): adolygiad a gynhaliwyd %(day)s",
    "Circulated on %(day)s.": "Dosbarthwyd: %(day)s.",
    # CHECK: "a'u rheolwr" (their manager) keeps the social worker's gender open
    "Circulate by %(day)s: %(days)s working days after the review, to the social worker and "
    "their manager.": "I'w ddosbarthu erbyn %(day)s: %(days)s diwrnod gwaith ar ôl yr "
    "adolygiad, i'r gweithiwr cymdeithasol a'u rheolwr.",
    "Written by %(signer)s on %(day)s. This record is confidential: share it only with the "
    "people who need it.": "Ysgrifennwyd gan %(signer)s, %(day)s. Mae'r cofnod hwn yn "
    "gyfrinachol: rhannwch ef â'r bobl sydd ei angen yn unig.",
    "the Independent Reviewing Officer": "y Swyddog Adolygu Annibynnol",
    # -- the facts ---------------------------------------------------------------------------
    "Child": "Plentyn",
    "Child reference": "Cyfeirnod y plentyn",
    "Date of birth": "Dyddiad geni",
    "%(day)s (age %(age)s at the review)": "%(day)s (%(age)s oed adeg yr adolygiad)",
    "Review held": "Cynhaliwyd yr adolygiad",
    "Review": "Adolygiad",
    "First review (%(regime)s)": "Adolygiad cyntaf (%(regime)s)",
    "Second review (%(regime)s)": "Ail adolygiad (%(regime)s)",
    "Subsequent review (%(regime)s)": "Adolygiad dilynol (%(regime)s)",
    "looked after": "derbyn gofal",
    "short breaks": "seibiannau byr",
    "adoption": "mabwysiadu",
    # CHECK: "Amseroldeb" for timeliness (as in Welsh Government performance measures)
    "Timeliness": "Amseroldeb",
    "In time: due %(day)s": "Mewn pryd: yn ddyledus %(day)s",
    "Late: due %(day)s": "Yn hwyr: yn ddyledus %(day)s",
    "Where": "Lleoliad",
    "Chaired by": "Cadeiriwyd gan",
    "%(name)s, Independent Reviewing Officer": "%(name)s, Swyddog Adolygu Annibynnol",
    "Social worker": "Gweithiwr cymdeithasol",
    "Participation": "Cyfranogiad",
    # CHECK: "eu barn" (their views) keeps the child's gender open
    "How the child gave their views": "Sut y rhoddodd y plentyn eu barn",
    "How the child's views were shared": "Sut y rhannwyd barn y plentyn",
    "Parents' participation": "Cyfranogiad y rhieni",
    "Next review due": "Yr adolygiad nesaf yn ddyledus",
    "%(due)s (held %(held)s)": "%(due)s (cynhaliwyd %(held)s)",
    "%(due)s (hold by %(hold_by)s)": "%(due)s (i'w gynnal erbyn %(hold_by)s)",
    "none due: %(why)s": "dim un yn ddyledus: %(why)s",
    "Decisions circulate by": "Dosbarthu'r penderfyniadau erbyn",
    # -- the sections ------------------------------------------------------------------------
    "Who attended": "Pwy oedd yn bresennol",
    "The child's views, in their words": "Barn y plentyn, yn eu geiriau eu hunain",
    "What is going well": "Beth sy'n mynd yn dda",
    "Worries": "Pryderon",
    "Decisions of this review": "Penderfyniadau'r adolygiad hwn",
    "No decisions were recorded for this review.": (
        "Ni chofnodwyd unrhyw benderfyniadau ar gyfer yr adolygiad hwn."
    ),
    "Earlier decisions still open": "Penderfyniadau cynharach sy'n dal ar agor",
    # CHECK: "gwiriad canol cyfnod" for the midpoint check
    "Still open from earlier reviews: to be checked at the midpoint and the next review.": (
        "Yn dal ar agor o adolygiadau cynharach: i'w gwirio yn y gwiriad canol cyfnod ac yn "
        "yr adolygiad nesaf."
    ),
    "Health and education": "Iechyd ac addysg",
    "Why the review was held early or late": "Pam y cynhaliwyd yr adolygiad yn gynnar neu'n hwyr",
    # -- the decision tables -----------------------------------------------------------------
    "Decision": "Penderfyniad",
    "Who": "Pwy",
    "By when": "Erbyn pryd",
    "Status": "Statws",
    "not set": "heb ei bennu",
    "Done %(day)s": "Wedi'i wneud %(day)s",
    "Done": "Wedi'i wneud",
    # CHECK: "wedi'i ollwng" for a decision dropped (no longer pursued)
    "Dropped: %(reason)s": "Wedi'i ollwng: %(reason)s",
    "Dropped": "Wedi'i ollwng",
    "Open, %(days)s day overdue": "Ar agor, %(days)s diwrnod yn hwyr",
    "Open": "Ar agor",
    # -- the IRO's view of the plan ----------------------------------------------------------
    "The IRO's view on the care plan": (
        "Barn y Swyddog Adolygu Annibynnol ar y cynllun gofal a chymorth"
    ),
    "Does the plan meet the child's needs (%(plans)s)? %(answer)s.": (
        "A yw'r cynllun yn diwallu anghenion y plentyn (%(plans)s)? %(answer)s."
    ),
    "Does the plan meet the child's needs? %(answer)s.": (
        "A yw'r cynllun yn diwallu anghenion y plentyn? %(answer)s."
    ),
    "Yes": "Ydy",
    "In part": "Yn rhannol",
    "No": "Nac ydy",
    # CHECK: "cynllun llwybr" for the pathway plan
    "the care plan and the pathway plan (the young person is 16 or over)": (
        "y cynllun gofal a chymorth a'r cynllun llwybr (mae'r person ifanc yn 16 oed neu'n hŷn)"
    ),
    # CHECK: "cynllun sefydlogrwydd" for the permanence plan
    "the care plan and the permanence plan": (
        "y cynllun gofal a chymorth a'r cynllun sefydlogrwydd"
    ),
    "The IRO's recommendations": "Argymhellion y Swyddog Adolygu Annibynnol",
    "The IRO's advice: not decisions, so no one owns them and no date.": (
        "Cyngor y Swyddog Adolygu Annibynnol: nid penderfyniadau mo'r rhain, felly does neb "
        "yn gyfrifol amdanynt a does dim dyddiad."
    ),
    "Health assessment": "Asesiad iechyd",
    "Dental check": "Archwiliad deintyddol",
    # CHECK: Welsh schools say "Cynllun Addysg Personol"; the English initials kept for search
    "PEP (personal education plan)": "Cynllun addysg personol (PEP)",
    "every %(months)s month": "bob %(months)s mis",
    "%(name)s: last done %(last)s; in time (%(every)s), the next due by %(due)s.": (
        "%(name)s: gwnaed ddiwethaf %(last)s; mewn pryd (%(every)s), y nesaf yn ddyledus "
        "erbyn %(due)s."
    ),
    "%(name)s: last done %(last)s; OVERDUE (%(every)s): the next was due by %(due)s.": (
        "%(name)s: gwnaed ddiwethaf %(last)s; YN HWYR (%(every)s): roedd y nesaf yn ddyledus "
        "erbyn %(due)s."
    ),
    "%(name)s: recorded as %(last)s, after the review: check it.": (
        "%(name)s: wedi'i gofnodi fel %(last)s, ar ôl yr adolygiad: gwiriwch hyn."
    ),
    "%(name)s: not expected at this age.": "%(name)s: nid yw'n ddisgwyliedig yn yr oed hwn.",
    "%(name)s: not recorded.": "%(name)s: heb ei gofnodi.",
    # -- how the child gave their views (domain.plan_view.VIEWS_GIVEN) -------------------------
    "Attended and spoke": "Yn bresennol ac wedi siarad",
    "Through an advocate": "Drwy eiriolwr",
    "In writing (letter, form, email, text)": (
        "Yn ysgrifenedig (llythyr, ffurflen, e-bost, neges destun)"
    ),
    "Through an app (Mind Of My Own, Viewpoint …)": "Drwy ap (Mind Of My Own, Viewpoint …)",
    "Through their carer": "Drwy eu gofalwr",
    "Observed (the IRO saw how they are)": (
        "Arsylwi (gwelodd y Swyddog Adolygu Annibynnol sut maen nhw)"
    ),
    "Pictures, symbols or cards": "Lluniau, symbolau neu gardiau",
    "By phone": "Dros y ffôn",
    "By video": "Drwy fideo",
    "Chose not to give views": "Dewisodd beidio â rhoi barn",
    "Another way (say how in the note)": "Ffordd arall (dywedwch sut yn y nodyn)",
    # -- participation codes (domain.codes.PARTICIPATION_CODES) --------------------------------
    "Child aged under 4 at the time of the review": "Plentyn dan 4 oed adeg yr adolygiad",
    # CHECK: PN1-PN7 use "ei" (his) for the child, as Welsh forms often do; "eu" is neutral
    "Child attends and speaks for themselves": (
        "Mae'r plentyn yn bresennol ac yn siarad drosto'i hun"
    ),
    "Child attends and an advocate (or the IRO) speaks for them": (
        "Mae'r plentyn yn bresennol ac mae eiriolwr (neu'r Swyddog Adolygu Annibynnol) yn "
        "siarad ar ei ran"
    ),
    "Child attends and conveys their views symbolically (non-verbally)": (
        "Mae'r plentyn yn bresennol ac yn cyfleu ei farn yn symbolaidd (heb eiriau)"
    ),
    "Child attends but does not speak or convey their views": (
        "Mae'r plentyn yn bresennol ond nid yw'n siarad nac yn cyfleu ei farn"
    ),
    "Child does not attend but briefs an advocate (or the IRO) to speak for them": (
        "Nid yw'r plentyn yn bresennol ond mae'n briffio eiriolwr (neu'r Swyddog Adolygu "
        "Annibynnol) i siarad ar ei ran"
    ),
    "Child does not attend but conveys their views another way (writing, phone, an app)": (
        "Nid yw'r plentyn yn bresennol ond mae'n cyfleu ei farn mewn ffordd arall "
        "(ysgrifennu, ffôn, ap)"
    ),
    "Child does not attend and their views are not conveyed": (
        "Nid yw'r plentyn yn bresennol ac ni chyfleir ei farn"
    ),
    "No participation code recorded": "Dim cod cyfranogiad wedi'i gofnodi",
}
