"""ZIP archives: each member read as a file of its own (recursively), entirely in memory and
never extracted: a member's name, `../` and all, is only a label in the text. Bounded in
depth, in members, and in uncompressed bytes (counted as read, never trusted from the
archive's directory), so a zip bomb costs at most the bound."""
from __future__ import annotations

import io
import zipfile

from pipeline.attachments import AttachmentText, Budget, Limits, one_line


def member_name(info: zipfile.ZipInfo) -> str:
    """Chinese archives mostly store GBK names without the UTF-8 flag; Python reads them as cp437."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def read(data: bytes, limits: Limits, depth: int, budget: Budget) -> AttachmentText:
    from pipeline.attachments import read_member

    if depth >= limits.zip_depth:
        return AttachmentText(status="refused",
                              error=f"archive nested deeper than {limits.zip_depth} levels: not opened")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        return AttachmentText(status="malformed", error=f"ZIP not readable: {exc}")
    lines: list[str] = []
    problems: list[str] = []
    with package:
        members = [info for info in package.infolist() if not info.is_dir()]
        if len(members) > limits.zip_members:
            problems.append(f"{len(members)} members, only the first {limits.zip_members} read")
        for info in members[: limits.zip_members]:
            name = member_name(info)
            if info.flag_bits & 0x1:
                problems.append(f"{name}: encrypted")
                continue
            want = min(limits.member_bytes, budget.remaining)
            if want <= 0:
                problems.append(f"stopped at {name}: {limits.zip_total_bytes} bytes uncompressed read in all")
                break
            try:
                with package.open(info) as member:
                    content = member.read(want + 1)
            except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, ValueError) as exc:
                problems.append(f"{name}: {type(exc).__name__}: {exc}")
                continue
            budget.remaining -= len(content)
            if len(content) > want and want < limits.member_bytes:
                problems.append(f"stopped at {name}: {limits.zip_total_bytes} bytes uncompressed read in all")
                break
            if len(content) > want:
                problems.append(f"{name}: over {want} bytes uncompressed, not read")
                continue
            inner = read_member(content, name, limits, depth + 1, budget)
            del content
            if inner.text:
                lines.append(f"【{name}】\n{inner.text}")
            if inner.status not in ("ok", "empty"):
                problems.append(f"{name}: {inner.status}" + (f" ({inner.error})" if inner.error else ""))
    text = "\n".join(lines)
    if not members:
        return AttachmentText(status="empty")
    if problems:
        return AttachmentText(text, None, "partial", one_line("; ".join(problems[:5]), 500))
    return AttachmentText(text, None, "ok" if text else "empty")
