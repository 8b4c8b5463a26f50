"""Spreadsheets, one line per row, cells by tabs, each sheet under its name: XLSX with
openpyxl (read_only: rows stream from the XML; it parses with defusedxml when installed, which
this project requires), XLS with xlrd (the reference reader of BIFF, maintained for .xls only)."""
from __future__ import annotations

import io
from datetime import datetime

from pipeline.attachments import AttachmentText, HostileXml, Limits, finish, refused


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ").removesuffix(" 00:00:00")
    return str(value).strip()


def row_line(values) -> str:
    cells = [cell_text(v) for v in values]
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells)


def read_xlsx(data: bytes, limits: Limits) -> AttachmentText:
    import openpyxl

    from pipeline.attachments.wordx import check_parts

    try:
        check_parts(data, limits, ("xl/",))
    except HostileXml as exc:
        return refused(exc)
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines: list[str] = []
    problems: list[str] = []
    cells = 0
    try:
        for sheet in workbook.worksheets:
            lines.append(f"【{sheet.title}】")
            for row in sheet.iter_rows(values_only=True):
                cells += len(row)
                if cells > limits.sheet_cells:
                    problems.append(f"stopped after {limits.sheet_cells} cells")
                    break
                lines.append(row_line(row))
            if problems:
                break
    finally:
        workbook.close()
    return _sheets_result(lines, problems)


def read_xls(data: bytes, limits: Limits) -> AttachmentText:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            return AttachmentText(status="encrypted", error="XLS encrypted with a password")
        return AttachmentText(status="malformed", error=f"XLS not readable: {exc}")
    lines: list[str] = []
    problems: list[str] = []
    cells = 0
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            lines.append(f"【{sheet.name}】")
            for r in range(sheet.nrows):
                row = sheet.row(r)
                cells += len(row)
                if cells > limits.sheet_cells:
                    problems.append(f"stopped after {limits.sheet_cells} cells")
                    break
                lines.append(row_line(_xls_value(cell, book.datemode) for cell in row))
            book.unload_sheet(index)
            if problems:
                break
    finally:
        book.release_resources()
    return _sheets_result(lines, problems)


def _xls_value(cell, datemode: int):
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_EMPTY):
        return None
    return cell.value


def _sheets_result(lines: list[str], problems: list[str]) -> AttachmentText:
    if not any(line and not line.startswith("【") for line in lines) and not problems:
        return AttachmentText(status="empty")
    return finish(lines, problems)
