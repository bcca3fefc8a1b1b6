"""People named the way a child knows them: "your social worker, Priya", not "Priya Nair (SW)".

The IRO records attendees and owners as typed ("Priya Nair (social worker)", "Health visitor",
"Mum"). A known role becomes a phrase from the catalogue; anything else appears as typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from iro_desktop.domain.model import Person
from iro_desktop.letters.i18n import N_, Words

_WITH_ROLE = re.compile(r"^\s*(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)\s*$")
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr"}

CHILD_ROLES = {"child", "young person", "the child", "the young person"}

# A role with a name: "your social worker, Priya".
NAMED_ROLES = {
    "social worker": N_("your social worker, %(name)s"),
    "carer": N_("your carer, %(name)s"),
    "foster carer": N_("your foster carer, %(name)s"),
    "foster carers": N_("your foster carers, %(name)s"),
    "key worker": N_("your key worker, %(name)s"),
    "personal adviser": N_("your personal adviser, %(name)s"),
    "advocate": N_("your advocate, %(name)s"),
    "teacher": N_("your teacher, %(name)s"),
}

# A role on its own, as the IRO often records it.
ROLES = {
    "social worker": N_("your social worker"),
    "carer": N_("your carer"),
    "carers": N_("your carers"),
    "foster carer": N_("your foster carer"),
    "foster carers": N_("your foster carers"),
    "key worker": N_("your key worker"),
    "personal adviser": N_("your personal adviser"),
    "advocate": N_("your advocate"),
    "health visitor": N_("your health visitor"),
    "children in care nurse": N_("the nurse for children in care"),
    "virtual school": N_("the team that helps children in care with school"),
    "designated teacher": N_("your teacher who helps children in care"),
    "independent reviewing officer": N_("me"),
    "iro": N_("me"),
    "mum": N_("Mum"),
    "dad": N_("Dad"),
    "mother": N_("your mum"),
    "father": N_("your dad"),
    "birth mother": N_("your mum"),
    "birth father": N_("your dad"),
    "interpreter": N_("an interpreter"),
    "school": N_("your school"),
    "teacher": N_("your teacher"),
}


def first_name(name: str) -> str:
    """ "Priya Nair" -> "Priya"; a name with a title ("Mrs Okafor") stays whole."""
    parts = name.split()
    if not parts:
        return ""
    if parts[0].rstrip(".").lower() in _TITLES or " and " in name:
        return name.strip()
    return parts[0]


def called_by_child(typed: str, people: Sequence[Person]) -> str:
    """What the child calls the person typed ("Nain", "Auntie Jo"), when it is recorded."""
    text = typed.strip()
    match = _WITH_ROLE.match(text)
    name = (match["name"] if match else text).strip().lower()
    for person in people:
        if person.archived_on is None and person.called_by_child.strip():
            full = person.name.strip().lower()
            if name and name in (full, full.split(" ")[0] if full else ""):
                return person.called_by_child.strip()
    return ""


def as_child_knows(typed: str, words: Words, people: Sequence[Person] = ()) -> str:
    """One person as typed by the IRO, in the words a child would use: the name the child
    uses for them first (kinship carers: "Nain", not "your carer, Eirlys")."""
    text = typed.strip()
    own = called_by_child(text, people)
    if own:
        return own
    match = _WITH_ROLE.match(text)
    if match:
        name, role = match["name"], match["role"].strip().lower()
        if role in CHILD_ROLES:
            return words("you")
        if role in NAMED_ROLES:
            return words(NAMED_ROLES[role], name=first_name(name))
        if name.strip().lower() in ROLES:  # "Interpreter (Albanian)": a role and its detail
            return words(ROLES[name.strip().lower()])
        return text
    key = text.lower()
    if key in CHILD_ROLES:
        return words("you")
    if key in ROLES:
        return words(ROLES[key])
    return text


def carer_names(people: Sequence[Person], words: Words) -> str:
    """The child's carers as they know them, for the phrase bank's {carer}: "Nain", "Sam"."""
    carers = [
        p.called_by_child.strip() or first_name(p.name)
        for p in people
        if p.archived_on is None and p.role == "carer" and p.name.strip()
    ]
    if len(carers) >= 2:
        return words("%(first)s and %(second)s", first=carers[0], second=carers[1])
    return carers[0] if carers else ""


def parent_names(people: Sequence[Person], words: Words) -> str:
    """The child's parents as they know them, for the phrase bank's {person}: "Mum"."""
    own = {"mother": words("Mum"), "father": words("Dad")}
    parents = [
        p.called_by_child.strip() or own[p.role]
        for p in people
        if p.archived_on is None and p.role in own
    ]
    if len(parents) >= 2:
        return words("%(first)s and %(second)s", first=parents[0], second=parents[1])
    return parents[0] if parents else ""
