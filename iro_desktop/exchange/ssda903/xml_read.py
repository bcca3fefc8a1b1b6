"""The DfE's 903 XML return, read into the rows of the four CSV tables, so that it passes the
same checks and the same import. The layout is the one the DfE's validator reads
(``lac_validator/ingress.py``): one element per child holding CHILDID, SEX, DOB, ETHNIC, UPN,
MOTHER, MC_DOB (and DUC for a UASC), an EPISODE element per episode (PL for PLACE), and
AREVIEW elements for reviews. A DOCTYPE or entity is refused (no entity expansion at all)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from iro_desktop.exchange.errors import Bad903File
from iro_desktop.exchange.ssda903 import spec as spec
from iro_desktop.exchange.ssda903.files import Limits, read_bytes, refuse

_RENAMED = {"CHILDID": "CHILD", "PL": "PLACE"}


def _leaves(element: ET.Element) -> dict[str, str]:
    return {
        _RENAMED.get(node.tag, node.tag): (node.text or "").strip()
        for node in element
        if len(node) == 0
    }


def looks_like_xml(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            start = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return start.startswith(b"<")


def xml_records(path: Path, limits: Limits) -> dict[str, list[list[str]]]:
    name = path.name
    data = read_bytes(path, limits)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise refuse(
            name,
            None,
            "",
            "the XML has a DOCTYPE or entities, which a 903 return never has",
            "Export the return again from the case management system",
        )
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise Bad903File(
            f"{name}: the XML cannot be read ({error}). Export the return again from the case "
            "management system, or export the CSV tables instead.",
            file=name,
        ) from None
    rows: dict[str, list[list[str]]] = {kind: [list(spec.COLUMNS[kind])] for kind in spec.COLUMNS}
    count = 0
    for child in root.iter():
        if child.find("CHILDID") is None:
            continue
        count += 1
        if count > limits.max_rows:
            raise refuse(
                name,
                None,
                "",
                f"the XML holds more than {limits.max_rows:,} children",
                "Check it is the right file, or raise the limit with --max-rows",
            )
        own = _leaves(child)
        rows["header"].append([own.get(c, "") for c in spec.COLUMNS["header"]])
        if own.get("DUC") or own.get("UASC") == "1":
            rows["uasc"].append([own.get(c, "") for c in spec.COLUMNS["uasc"]])
        for episode in child.iter("EPISODE"):
            values = {**own, **_leaves(episode)}
            rows["episodes"].append([values.get(c, "") for c in spec.COLUMNS["episodes"]])
        for review in child.iter("AREVIEW"):
            values = {**own, **_leaves(review)}
            rows["reviews"].append([values.get(c, "") for c in spec.COLUMNS["reviews"]])
    if count == 0:
        raise Bad903File(
            f"{name}: no child (CHILDID) found in the XML. Choose the 903 return's XML file.",
            file=name,
        )
    if sum(len(r) for r in rows.values()) > 4 * limits.max_rows:
        raise refuse(name, None, "", "the XML holds too many rows", "Check it is the right file")
    return rows
