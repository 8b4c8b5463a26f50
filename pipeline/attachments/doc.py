"""Legacy Word (.doc, Word 97–2003) and WPS Writer files (Kingsoft WPS saves the same binary
format: an OLE file with a WordDocument stream), read with olefile (the maintained OLE reader)
and the piece table of [MS-DOC] §2.4.1 "Retrieving Text": the FIB gives the table stream and
the CLX, whose PlcPcd maps character positions to runs of 8-bit (cp1252) or UTF-16LE text.
No maintained DOC text reader is on PyPI (antiword and catdoc are C programs); this is the
spec's algorithm, a page long. Word 6/95 files, and encrypted ones, are marked, not guessed."""
from __future__ import annotations

import io
import re
import struct

from pipeline.attachments import AttachmentText, Limits

WORD97_MIN_NFIB = 0x00C1  # nFib of Word 97; older files have no CLX of this shape
F_ENCRYPTED, F_WHICH_TABLE, F_OBFUSCATED = 0x0100, 0x0200, 0x8000
FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x12\x16-\x1f]")


def read(data: bytes, limits: Limits) -> AttachmentText:
    import olefile

    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        word = ole.openstream("WordDocument").read()
        if len(word) < 0x22 or struct.unpack_from("<H", word, 0)[0] != 0xA5EC:
            return AttachmentText(status="malformed", error="WordDocument stream has no Word FIB")
        nfib, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, 0x0A)[0]
        if flags & (F_ENCRYPTED | F_OBFUSCATED):
            return AttachmentText(status="encrypted", error="Word file encrypted with a password")
        if nfib < WORD97_MIN_NFIB:
            return AttachmentText(status="unsupported",
                                  error=f"Word 6/95 file (nFib {nfib:#x}): only Word 97 and later are read")
        table_name = "1Table" if flags & F_WHICH_TABLE else "0Table"
        if not ole.exists(table_name):
            return AttachmentText(status="malformed", error=f"no {table_name} stream")
        table = ole.openstream(table_name).read()
    text = main_text(word, table, limits.max_chars)
    return AttachmentText(text, status="ok" if text else "empty")


def _fib(word: bytes) -> tuple[int, int, int]:
    """ccpText (characters of the main document), fcClx and lcbClx, from the FIB's variable parts."""
    csw = struct.unpack_from("<H", word, 32)[0]
    rg_lw = 32 + 2 + csw * 2 + 2
    ccp_text = struct.unpack_from("<i", word, rg_lw + 12)[0]
    cslw = struct.unpack_from("<H", word, rg_lw - 2)[0]
    rg_fc_lcb = rg_lw + cslw * 4 + 2
    fc_clx, lcb_clx = struct.unpack_from("<II", word, rg_fc_lcb + 33 * 8)
    return ccp_text, fc_clx, lcb_clx


def pieces(table: bytes, fc_clx: int, lcb_clx: int):
    """(cp_start, cp_end, fc, compressed) of each piece of the CLX's PlcPcd."""
    clx = table[fc_clx: fc_clx + lcb_clx]
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers, skipped
        pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 0x02:
        raise ValueError("CLX holds no piece table")
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5: pos + 5 + lcb]
    n = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    for i in range(n):
        fc_raw = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        compressed = bool(fc_raw & 0x40000000)
        fc = fc_raw & 0x3FFFFFFF
        yield cps[i], cps[i + 1], (fc // 2 if compressed else fc), compressed


def main_text(word: bytes, table: bytes, max_chars: int) -> str:
    ccp_text, fc_clx, lcb_clx = _fib(word)
    parts: list[str] = []
    total = 0
    for cp_start, cp_end, fc, compressed in pieces(table, fc_clx, lcb_clx):
        if cp_start >= ccp_text or total >= max_chars:
            break
        count = min(cp_end, ccp_text) - cp_start
        if count <= 0:
            continue
        if compressed:
            chunk = word[fc: fc + count].decode("cp1252", "replace")
        else:
            chunk = word[fc: fc + 2 * count].decode("utf-16-le", "replace")
        parts.append(chunk)
        total += len(chunk)
    return clean("".join(parts))


def clean(raw: str) -> str:
    """Word's marks as text: paragraph (\\r), cell (\\x07; a row ends with two) and line/page
    breaks; a field keeps its result and drops its code (\\x13 code \\x14 result \\x15)."""
    out: list[str] = []
    depth_in_code: list[bool] = []
    for ch in raw:
        if ch == FIELD_BEGIN:
            depth_in_code.append(True)
        elif ch == FIELD_SEPARATOR and depth_in_code:
            depth_in_code[-1] = False
        elif ch == FIELD_END and depth_in_code:
            depth_in_code.pop()
        elif not any(depth_in_code):
            out.append(ch)
    text = "".join(out).replace("\r", "\n").replace("\x07\x07", "\n").replace("\x07", "\t")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    text = _CONTROL.sub("", text)
    lines = [line.rstrip("\t ").strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()
