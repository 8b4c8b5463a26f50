"""MB/s of attachment text extraction per format (pipeline.attachments.read_attachment: sniffing,
bounds, structure) against the reading library's own bare call on the same bytes, same run.

    .venv/bin/python -m bench.attachments [--rounds 3] [--scale 1]

Files are built by the same real writers as the tests (tests/attachment_files.py), larger:
a PDF of 40·scale pages, a DOCX of 1500·scale paragraphs and a table, an XLSX and an XLS of
8000·scale rows, an OFD of 40·scale pages, the LibreOffice-written DOC fixture, a ZIP of them.
The bare calls are what a script would write with each library alone: pypdf's extract_text per
page, python-docx's paragraph texts, openpyxl's / xlrd's row values, olefile reading the
WordDocument stream (no text decoding at all: the floor), zipfile + ElementTree itertext of
each OFD page, zipfile reading each member and the bare call of its kind. Best of `rounds`; ratio = ours ÷ bare in MB/s (1.0:
as fast as the library alone; below: the price of what we do on top).
"""
from __future__ import annotations

import argparse
import io
import time
import zipfile

from pipeline.attachments import read_attachment
from tests import attachment_files as build

PAGE_LINE = "示例市人民政府关于进一步优化营商环境的若干措施第{n}页，共计十条具体措施及其说明。"


def files(scale: int) -> dict[str, bytes]:
    import openpyxl
    import xlwt

    pages = 40 * scale
    rows = 8000 * scale
    sheet = openpyxl.Workbook()
    for r in range(rows):
        sheet.active.append([f"项目{r}", "示例市住房和城乡建设局", r * 3.5, "2024-06-01"])
    xlsx = io.BytesIO()
    sheet.save(xlsx)
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("清单")
    for r in range(min(rows, 65535)):
        for c, value in enumerate([f"项目{r}", "示例市住房和城乡建设局", r * 3.5, "2024-06-01"]):
            ws.write(r, c, value)
    xls = io.BytesIO()
    book.save(xls)
    built = {
        "pdf": build.pdf([PAGE_LINE.format(n=n) for n in range(pages)]),
        "docx": build.docx_bytes([PAGE_LINE.format(n=n) for n in range(1500 * scale)] + ["序号\t内容", "1\t措施"]),
        "xlsx": xlsx.getvalue(),
        "xls": xls.getvalue(),
        "doc": (build.FILES / "notice.doc").read_bytes(),
        "ofd": build.ofd_bytes([[PAGE_LINE.format(n=n)] * 20 for n in range(pages)]),
    }
    built["zip"] = build.zip_bytes([(f"附件.{kind}", data) for kind, data in built.items()])
    return built


def bare(kind: str, data: bytes) -> None:
    """The library's own call, nothing around it."""
    stream = io.BytesIO(data)
    if kind == "pdf":
        from pypdf import PdfReader
        "".join(page.extract_text() for page in PdfReader(stream).pages)
    elif kind == "docx":
        import docx
        "\n".join(p.text for p in docx.Document(stream).paragraphs)
    elif kind == "xlsx":
        import openpyxl
        book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
        [row for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]
        book.close()
    elif kind == "xls":
        import xlrd
        book = xlrd.open_workbook(file_contents=data)
        [sheet.row_values(r) for sheet in book.sheets() for r in range(sheet.nrows)]
    elif kind == "doc":
        import olefile
        with olefile.OleFileIO(stream) as ole:
            ole.openstream("WordDocument").read()
    elif kind == "ofd":
        from xml.etree.ElementTree import fromstring
        with zipfile.ZipFile(stream) as package:
            for name in package.namelist():
                if name.endswith("Content.xml"):
                    "".join(fromstring(package.read(name)).itertext())
    elif kind == "zip":  # each member unzipped, then its own library's bare call
        with zipfile.ZipFile(stream) as package:
            for name in package.namelist():
                bare(name.rsplit(".", 1)[-1], package.read(name))


def best_of(rounds: int, *fns) -> list[float]:
    """Best time of each function, taken in turns round by round (so a busy moment of the
    machine weighs on both alike)."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    print(f"python -m bench.attachments --rounds {args.rounds} --scale {args.scale}")
    print(f"{'format':6} {'size':>9} {'ours MB/s':>10} {'bare MB/s':>10} {'ratio':>6}  status")
    for kind, data in files(args.scale).items():
        result = read_attachment(data, f"file.{kind}")
        ours, theirs = best_of(args.rounds, lambda: read_attachment(data, f"file.{kind}"), lambda: bare(kind, data))
        mb = len(data) / 1e6
        print(f"{kind:6} {len(data) / 1024:8.0f}K {mb / ours:10.2f} {mb / theirs:10.2f} {theirs / ours:6.2f}  "
              f"{result.status}, {len(result.text)} chars" + (f", {result.pages} pages" if result.pages else ""))


if __name__ == "__main__":
    main()
