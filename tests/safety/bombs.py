"""Small hostile files that claim or unpack to far more than they are: built by hand, byte by
byte, as an attacker would (a zip's stated sizes and checksums are whatever it likes)."""

from __future__ import annotations

import hashlib
import json
import secrets
import struct
import zlib

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from iro_desktop.exchange.handover import bundle as bundle_format

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
    '"xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target='
    '"worksheets/sheet1.xml"/></Relationships>'
)
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ROWS = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Child ref</t></is></c><c r="B1" t="inlineStr">'
    '<is><t>DOB</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>S100001</t></is>'
    '</c><c r="B2" t="inlineStr"><is><t>15/03/2015</t></is></c></row>'
)


def raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of (name, raw deflate data, crc, stated size) entries, exactly as given."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in entries:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size,
                           len(encoded), 0) + encoded + data  # fmt: skip
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc,
                               len(data), size, len(encoded), 0, 0, 0, 0, 0,
                               offset) + encoded  # fmt: skip
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                      len(out), 0)  # fmt: skip
    return bytes(out + central + end)


def _deflated(text: str) -> tuple[str, bytes, int, int]:
    data = text.encode()
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    return "", co.compress(data) + co.flush(), zlib.crc32(data), len(data)


def xlsx(sheet_xml: str) -> bytes:
    parts = {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS,
             "xl/workbook.xml": _WORKBOOK, "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
             "xl/worksheets/sheet1.xml": sheet_xml}  # fmt: skip
    return raw_zip([(name, *_deflated(text)[1:]) for name, text in parts.items()])


def far_cell_xlsx() -> bytes:
    """A workbook with one more cell, at XFD1048576: the last cell a sheet can have."""
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return xlsx(f'<worksheet xmlns="{SHEET_NS}"><dimension ref="A1:XFD1048576"/><sheetData>'
                f"{ROWS}{far}</sheetData></worksheet>")  # fmt: skip


def merged_bomb_xlsx() -> bytes:
    """A workbook whose one merged range covers the whole sheet (17 billion cells)."""
    return xlsx(f'<worksheet xmlns="{SHEET_NS}"><sheetData>{ROWS}</sheetData><mergeCells '
                'count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>')  # fmt: skip


def zip_bomb_xlsx(size: int = 3 * 1024 * 1024) -> bytes:
    """About ``size`` bytes of workbook whose sheet unpacks to ~1000 times that (its checksum
    is wrong: nothing reads that far). After a full flush the compressor starts
    afresh, so one compressed piece repeated is a valid stream: the bomb is made in ms."""
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    head = f'<worksheet xmlns="{SHEET_NS}"><sheetData>{ROWS}'.encode()
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = co.compress(head + row * 20_000) + co.flush(zlib.Z_FULL_FLUSH)
    again = co.compress(row * 20_000) + co.flush(zlib.Z_FULL_FLUSH)
    times = max(1, (size - len(first)) // len(again))
    sheet = first + again * times + zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    unpacked = len(head) + len(row) * 20_000 * (times + 1)  # stated truly: zipfile reads no
    # more than a part states; the checksum is only checked at its end, never reached
    parts = [(n, *_deflated(t)[1:]) for n, t in (("[Content_Types].xml", _CONTENT_TYPES),
             ("_rels/.rels", _RELS), ("xl/workbook.xml", _WORKBOOK),
             ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS))]  # fmt: skip
    return raw_zip([*parts, ("xl/worksheets/sheet1.xml", sheet, 0, min(unpacked, 2**32 - 1))])


def handover_bomb(passphrase: str, size: int = 2 * 1024 * 1024) -> bytes:
    """A well-sealed handover (the passphrase opens it) whose ~``size`` bytes unpack to ~1000
    times that: a JSON list of one child repeated."""
    child = json.dumps({"id": 1, "child_ref": "B1", "dob": "2015-01-01"}).encode() + b","
    head = (
        b'{"format":"iro-desktop-handover","children":["B1"],"change_log":[],"tables":{"children":['
    )
    co = zlib.compressobj(9)
    first = co.compress(head + child * 50_000) + co.flush(zlib.Z_FULL_FLUSH)
    again = co.compress(child * 50_000) + co.flush(zlib.Z_FULL_FLUSH)
    plain = first + again * max(1, (size - len(first)) // len(again)) + co.flush()
    fmt = bundle_format
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    key, check_key = fmt._derive(passphrase, salt, fmt.LOG2_N, fmt.R, fmt.P)
    head40 = fmt._HEADER.pack(fmt.MAGIC, fmt.VERSION, fmt.LOG2_N, fmt.R, fmt.P, salt, nonce,
                              b"\x00" * 16)[:40]  # fmt: skip
    header = head40 + fmt._check(check_key, head40)
    assert hashlib.sha256(header).digest()  # the header is the associated data
    return header + AESGCM(key).encrypt(nonce, plain, header)
