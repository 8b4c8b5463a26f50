"""OFD (GB/T 33190-2016, China's fixed-layout format): a ZIP of XML parts. OFD.xml names each
document's root (DocBody/DocRoot), the document lists its pages (Pages/Page@BaseLoc), and
each page's content holds TextObject elements whose TextCode children are the text layer.
No PyPI reader is both pure Python and well kept, and the text layer is plain XML, so it is
read here with lxml, entities never resolved, no DTD loaded, no network, and a part with a
DOCTYPE refused before it is parsed. Lines are text objects on the
same baseline, in reading order."""
from __future__ import annotations

import io
import posixpath
import zipfile

from pipeline.attachments import AttachmentText, HostileXml, Limits, finish, no_doctype, one_line, refused


def _parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def read(data: bytes, limits: Limits) -> AttachmentText:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        try:
            return _read(package, limits)
        except HostileXml as exc:
            return refused(exc)


def _part(package: zipfile.ZipFile, path: str, limits: Limits):
    from lxml import etree

    with package.open(path) as member:
        xml = member.read(limits.xml_part_bytes + 1)
    if len(xml) > limits.xml_part_bytes:
        raise HostileXml(f"{path}: over {limits.xml_part_bytes} bytes uncompressed")
    no_doctype(xml, path)
    return etree.fromstring(xml, _parser())


def _resolve(base_dir: str, location: str) -> str:
    """A part's path inside the package: absolute (from the package root) or relative to the
    part that names it; `..` is resolved inside the package and never leaves it."""
    location = location.strip().replace("\\", "/")
    path = location.lstrip("/") if location.startswith("/") else posixpath.join(base_dir, location)
    return posixpath.normpath(path).lstrip("./") if path else path


def _read(package: zipfile.ZipFile, limits: Limits) -> AttachmentText:
    names = set(package.namelist())
    root = _part(package, "OFD.xml", limits)
    doc_roots = [el.text for el in root.iter("{*}DocRoot") if el.text]
    if not doc_roots:
        return AttachmentText(status="malformed", error="OFD.xml names no DocRoot")
    lines: list[str] = []
    problems: list[str] = []
    page_count = 0
    chars = 0
    for doc_root in doc_roots:
        doc_path = _resolve("", doc_root)
        if doc_path not in names:
            problems.append(f"{doc_path}: named by OFD.xml, not in the package")
            continue
        document = _part(package, doc_path, limits)
        doc_dir = posixpath.dirname(doc_path)
        pages = [el.get("BaseLoc") for el in document.iter("{*}Page")]
        page_count += len(pages)
        for number, location in enumerate(pages, start=1):
            page_path = _resolve(doc_dir, location or "")
            if page_path not in names:
                problems.append(f"page {number}: {page_path} not in the package")
                continue
            page_lines = page_text(_part(package, page_path, limits))
            lines.extend(page_lines)
            chars += sum(map(len, page_lines))
            if chars > limits.max_chars:
                break
    result = finish(lines, [one_line(p) for p in problems[:3]], pages=page_count)
    if result.status == "empty" and page_count:
        return AttachmentText(pages=page_count, status="no_text_layer",
                              error=f"no text on any of its {page_count} pages (a scan? OCR is not done)")
    return result


def page_text(page) -> list[str]:
    """A page's text objects as lines: objects whose baselines (Boundary y + first TextCode's Y)
    match are one line, left to right; lines top to bottom."""
    objects = []
    for order, obj in enumerate(page.iter("{*}TextObject")):
        codes = list(obj.iterchildren("{*}TextCode"))
        text = "".join(code.text or "" for code in codes)
        if not text.strip():
            continue
        x, y = _origin(obj.get("Boundary"), codes[0] if codes else None)
        objects.append((round(y, 1), x, order, text))
    objects.sort()
    lines: list[str] = []
    last_y = None
    for y, _, _, text in objects:
        if last_y is not None and abs(y - last_y) <= 0.5:
            lines[-1] += text
        else:
            lines.append(text)
        last_y = y
    return lines


def _origin(boundary: str | None, code) -> tuple[float, float]:
    try:
        bx, by = (float(v) for v in (boundary or "0 0").split()[:2])
    except ValueError:
        bx = by = 0.0
    try:
        dx, dy = (float(code.get("X", 0)), float(code.get("Y", 0))) if code is not None else (0.0, 0.0)
    except ValueError:
        dx = dy = 0.0
    return bx + dx, by + dy
