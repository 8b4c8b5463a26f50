"""DOCX: paragraphs and tables in document order, with python-docx (its XML parser resolves no
entities and never touches the network; a part with a DOCTYPE is refused before parsing)."""
from __future__ import annotations

import io
import zipfile

from pipeline.attachments import AttachmentText, HostileXml, Limits, finish, no_doctype, refused


def read(data: bytes, limits: Limits) -> AttachmentText:
    import docx
    from docx.table import Table

    try:
        check_parts(data, limits, ("word/",))
    except HostileXml as exc:
        return refused(exc)
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(table_lines(block))
        else:
            lines.append(block.text)
    return finish(lines, [])


def table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:  # a merged cell is listed once per grid column it spans
            text = cell.text.strip()
            if not cells or cells[-1] != text:
                cells.append(text)
        lines.append("\t".join(cells))
    return lines


def check_parts(data: bytes, limits: Limits, prefixes: tuple[str, ...]) -> None:
    """Every XML part under `prefixes`: no DOCTYPE, and no larger uncompressed than the bound
    (read by at most bound + 1 bytes, whatever the ZIP's directory claims)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for info in package.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            if not info.filename.startswith(prefixes) and info.filename != "[Content_Types].xml":
                continue
            with package.open(info) as member:
                head = member.read(4096)
                size = len(head)
                while size <= limits.xml_part_bytes and (chunk := member.read(1 << 20)):
                    size += len(chunk)
            if size > limits.xml_part_bytes:
                raise HostileXml(f"{info.filename}: over {limits.xml_part_bytes} bytes uncompressed")
            no_doctype(head, info.filename)
