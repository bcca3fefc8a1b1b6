"""Where children live: the kinds of placement (foster, kinship, homes, supported lodgings,
parent and child, secure, adopters), with their 903 codes, postcodes and Ofsted numbers."""

from __future__ import annotations

from iro_desktop.demo import names as names
from iro_desktop.demo.plan import ChildPlan, Demo, Placement

# Postcode districts: the fictional council's own (DB) and real-shaped ones elsewhere in
# England (Wales has its own in ``welsh``).
IN_AREA = ("DB1", "DB2", "DB3", "DB4")
OUT_OF_AREA = (
    "B23",
    "CV6",
    "LE4",
    "NG7",
    "DE24",
    "WS3",
    "ST4",
    "WV10",
    "S10",
    "MK9",
    "NN3",
    "M14",
    "BS5",
    "PE1",
    "LN6",
)
OWN_FOSTERING_URN = "SC990417"  # the council's own fostering service
OWN_ADOPTION_URN = "SC990418"  # and its adoption agency (fictional, shaped as Ofsted's)


def postcode(demo: Demo, out_of_area: bool, district: str | None = None) -> str:
    district = district or demo.rng.choice(OUT_OF_AREA if out_of_area else IN_AREA)
    return f"{district} {demo.rng.randint(1, 9)}"


def urn(demo: Demo) -> str:
    while True:
        number = f"SC{demo.rng.randint(380000, 499999)}"
        if number not in demo.used_urns:
            demo.used_urns.append(number)
            return number


def placement(demo: Demo, kind: str, plan: ChildPlan, district: str | None = None) -> Placement:
    rng = demo.rng
    out = district is not None or rng.random() < 0.65
    post = postcode(demo, out, district)
    surname = rng.choice(names.CARER_SURNAMES)
    if kind in ("foster_short", "foster_long"):
        agency = rng.random() < 0.45
        return Placement(
            kind,
            "U6" if kind == "foster_short" else "U4",
            "PR4" if agency else "PR1",
            post,
            urn(demo) if agency else OWN_FOSTERING_URN,
            f"Mr and Mrs {surname} (foster carers)"
            if rng.random() < 0.6
            else f"Ms {surname} (foster carer)",
            f"{rng.choice(names.ADULT_WOMEN)} {surname}",
        )
    if kind in ("kin_short", "kin_long"):
        relative = rng.choice(("Grandmother", "Aunt", "Grandparents"))
        surname = plan.child.last_name if relative != "Aunt" else surname
        return Placement(
            kind,
            "U3" if kind == "kin_short" else "U1",
            "PR1",
            post,
            OWN_FOSTERING_URN,
            f"{relative} ({'Mrs' if relative != 'Aunt' else 'Ms'} {surname})",
            f"{rng.choice(names.ADULT_WOMEN)} {surname}",
        )
    if kind == "home":
        return Placement(
            kind,
            "K2",
            rng.choice(("PR4", "PR4", "PR1", "PR5")),
            post,
            urn(demo),
            rng.choice(names.CHILDRENS_HOMES),
            f"{rng.choice(names.ADULT_MEN)} {surname} (key worker)",
        )
    if kind == "semi":
        return Placement(
            kind,
            "H5",
            rng.choice(("PR4", "PR5")),
            post,
            urn(demo),
            rng.choice(names.SUPPORTED_ACCOMMODATION),
            f"{rng.choice(names.ADULT_WOMEN)} {surname} (key worker)",
        )
    if kind == "parent_child":
        return Placement(
            kind,
            "R3",
            "PR4",
            post,
            urn(demo),
            "Hillcrest Parent and Child Unit",
            f"{rng.choice(names.ADULT_WOMEN)} {surname} (key worker)",
        )
    if kind == "secure":
        return Placement(
            kind,
            "K1",
            "PR2",
            postcode(demo, True),
            urn(demo),
            "Clearwater Secure Children's Home",
        )
    if kind == "adopters":
        return Placement(
            kind,
            "A6",  # placement order, with adopters who were not the child's foster carers
            "PR1",
            postcode(demo, True),
            OWN_ADOPTION_URN,  # the council's adoption agency: rule 218 asks for a URN
            f"Adopters (Mr and Mrs {surname})",
            f"{rng.choice(names.ADULT_MEN)} {surname}",
        )
    raise ValueError(kind)
