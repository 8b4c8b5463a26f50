"""Attachment files built by their real writers (reportlab and pypdf for PDF, python-docx,
openpyxl, xlwt, zipfile; OFD as its GB/T 33190 ZIP + XML structure; DOC and WPS from
tests/fixtures/attachments), the hostile ones too, and a loopback site whose cover-note
documents link them all.
"""
from __future__ import annotations

import io
import zipfile
from functools import cache

from tests.sitekit import FIXTURES, Route, html

FILES = FIXTURES / "attachments"
COLUMN = "/xxgk/tzgg/"
MAX_BYTES = 2_000_000  # GOVARCHIVE_ATTACHMENT_MAX_BYTES of the test site

PDF_PAGES = ["示例市2024年重点项目进度表", "第二页 下半年重点工作任务分解"]
NOTICE_DOC_LINES = ["关于印发《示例市2024年度政府信息公开工作要点》的通知", "各区县人民政府，市政府各部门：",
                    "现将《示例市2024年度政府信息公开工作要点》印发给你们，请认真贯彻落实。",
                    "序号\t任务", "1\t推进政策文件集中公开", "示例市人民政府办公室 2024年3月1日"]
PLAN_WPS_LINES = ["示例市2024年度重点工作任务分解方案", "一、推进营商环境优化，压缩企业开办时间至1个工作日。",
                  "二、完善政务服务事项清单，实现高频事项“一网通办”。", "示例市发展和改革委员会"]
DOCX_LINES = ["示例市交通运输局关于下达2024年农村公路建设计划的通知", "各县（市、区）交通运输局：",
              "项目\t里程（公里）\t投资（万元）", "县道改造\t42\t8600", "请抓紧组织实施。"]
OFD_PAGES = [["示例市人民政府关于公布行政许可事项清单的决定", "各县（市、区）人民政府，市直各单位："],
             ["本决定自公布之日起施行。", "示例市人民政府"]]
SHARED_PDF_TEXT = "政府信息公开申请表（通用格式）"


# --- writers -------------------------------------------------------------------------------

def pdf(pages: list[str | None]) -> bytes:
    """A PDF of one page per entry: its line of text (reportlab's built-in CJK font, no font
    file needed), or None for a page with only a drawing (a scan has no text layer either)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, invariant=1)  # invariant: the same bytes every time (shared-file dedup)
    for text in pages:
        if text is None:
            page.rect(72, 72, 400, 600, fill=1)
        else:
            page.setFont("STSong-Light", 14)
            page.drawString(72, 720, text)
        page.showPage()
    page.save()
    return out.getvalue()


def encrypted_pdf(user_password: str, owner_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(["加密文件内容：仅限内部使用"]))))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(lines: list[str]) -> bytes:
    """Paragraphs; lines holding tabs become the rows of one table, where they stand."""
    import docx

    document = docx.Document()
    rows = [line.split("\t") for line in lines if "\t" in line]
    table_done = False
    for line in lines:
        if "\t" not in line:
            document.add_paragraph(line)
        elif not table_done:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text
            table_done = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xxe_docx(secret_path: str) -> bytes:
    """A DOCX whose document part declares an external entity naming a local file."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(["外部实体测试"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                declaration, _, rest = text.partition("?>")
                text = (f'{declaration}?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret_path}">]>'
                        + rest.replace("外部实体测试", "外部实体测试&xxe;"))
                data = text.encode("utf-8")
            package.writestr(info, data)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "预算表"
    sheet.append(["科目", "金额（万元）"])
    sheet.append(["一般公共预算收入", 125000])
    sheet.append(["政府性基金收入", 3400.5])
    other = book.create_sheet("说明")
    other["A1"] = "本表为2024年预算草案"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xls_bytes() -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("项目清单")
    for r, row in enumerate([["项目名称", "建设单位", "总投资"], ["城区污水管网改造", "市住建局", 5600],
                             ["职业教育园区", "市教育局", 12000]]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


OFD_NS = "http://www.ofdspec.org/2016"


def ofd_bytes(pages: list[list[str]]) -> bytes:
    """An OFD package: OFD.xml → Doc_0/Document.xml → Pages/Page_N/Content.xml, each line a
    TextObject with its TextCode, as OFD writers lay out text."""
    def xml(body: str) -> str:
        return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}'

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("OFD.xml", xml(
            f'<ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
            '<ofd:DocID>6a1f</ofd:DocID><ofd:Title>决定</ofd:Title></ofd:DocInfo>'
            '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'))
        entries = "".join(f'<ofd:Page ID="{n + 10}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
        package.writestr("Doc_0/Document.xml", xml(
            f'<ofd:Document xmlns:ofd="{OFD_NS}"><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID>'
            '<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>'
            f'<ofd:Pages>{entries}</ofd:Pages></ofd:Document>'))
        for n, lines in enumerate(pages):
            objects = "".join(
                f'<ofd:TextObject ID="{100 + i}" Boundary="25 {40 + 12 * i} 160 10" Font="3" Size="4.2">'
                f'<ofd:TextCode X="0" Y="8">{line}</ofd:TextCode></ofd:TextObject>'
                for i, line in enumerate(lines))
            package.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", xml(
                f'<ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content><ofd:Layer ID="2">{objects}'
                '</ofd:Layer></ofd:Content></ofd:Page>'))
    return out.getvalue()


def zip_bytes(members: list[tuple[str, bytes]], utf8_names: bool = True) -> bytes:
    """A ZIP of these members; utf8_names=False writes names as Chinese archivers do: GBK
    bytes without the UTF-8 flag (zipfile itself would flag them UTF-8, so the names are put
    in place of same-length ASCII stand-ins afterwards)."""
    out = io.BytesIO()
    stand_ins = {}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for n, (name, data) in enumerate(members):
            if not utf8_names:
                raw = name.encode("gbk")
                stand_in = (f"Q{n}J" + "X" * len(raw))[: len(raw)].encode()
                stand_ins[stand_in] = raw
                name = stand_in.decode()
            package.writestr(name, data)
    data = out.getvalue()
    for stand_in, raw in stand_ins.items():
        assert data.count(stand_in) == 2, "a stand-in name must occur only in the two headers"
        data = data.replace(stand_in, raw)
    return data


def zip_bomb() -> bytes:
    """Small compressed, 240 MB of zeros expanded: one member over the per-member bound, then
    more than the whole archive's bound of uncompressed bytes."""
    out = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for name, megabytes in [("huge.bin", 60)] + [(f"part{n}.bin", 45) for n in range(4)]:
            with package.open(name, "w", force_zip64=True) as member:
                for _ in range(megabytes):
                    member.write(chunk)
    return out.getvalue()


def nested_zip(levels: int) -> bytes:
    data = "最深处的文本".encode("utf-8")
    name = "deep.txt"
    for level in range(levels):
        data, name = zip_bytes([(name, data)]), f"level{level}.zip"
    return data


# --- the site --------------------------------------------------------------------------------

@cache
def files(secret_path: str) -> dict[str, bytes]:
    """Every attachment of the site by file name (built once per test process)."""
    shared = pdf([SHARED_PDF_TEXT])
    return {
        "notice.pdf": pdf(PDF_PAGES),
        "plan.docx": docx_bytes(DOCX_LINES),
        "budget.xlsx": xlsx_bytes(),
        "notice.doc": (FILES / "notice.doc").read_bytes(),
        "plan.wps": (FILES / "plan.wps").read_bytes(),
        "projects.xls": xls_bytes(),
        "decision.ofd": ofd_bytes(OFD_PAGES),
        "bundle.zip": zip_bytes([("说明.txt", "压缩包内的说明文字".encode("gbk")),
                                 ("内层.zip", zip_bytes([("进度表.pdf", pdf(["压缩包内层的PDF文本"]))])),
                                 ("../../escape-govarchive.txt", "路径穿越的文件名".encode("utf-8"))],
                                utf8_names=False),
        "shared.pdf": shared,
        "shared-copy.pdf": shared,
        "scan.pdf": pdf([None, None, None]),
        "secret.pdf": encrypted_pdf("s3cret", "owner"),
        "owner-only.pdf": encrypted_pdf("", "owner"),
        "broken.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        "xxe.docx": xxe_docx(secret_path),
        "bomb.zip": zip_bomb(),
        "nested.zip": nested_zip(6),
        "huge.pdf": pdf(["超过大小上限的文件"]) + b"%" + b"0" * (MAX_BYTES + 1000),
    }


DOCUMENTS = {
    # path: (title, body paragraphs, [(link text, file name)])
    "202406/t20240601_1.html": ("示例市交通运输局关于印发2024年重点项目进度表的通知",
                                ["各有关单位：", "现将2024年重点项目进度表印发给你们，请遵照执行。", "附件："],
                                [("1.重点项目进度表.pdf", "notice.pdf"), ("2.农村公路建设计划.docx", "plan.docx"),
                                 ("3.预算表.xlsx", "budget.xlsx")]),
    "202406/t20240602_2.html": ("示例市人民政府办公室关于印发政府信息公开工作要点的通知",
                                ["详见附件。"],
                                [("工作要点.doc", "notice.doc"), ("任务分解方案.wps", "plan.wps"),
                                 ("项目清单.xls", "projects.xls"), ("行政许可事项清单的决定.ofd", "decision.ofd")]),
    "202406/t20240603_3.html": ("示例市发展和改革委员会关于公布申请材料的通知",
                                ["申请材料见附件压缩包。"],
                                [("申请材料.zip", "bundle.zip"), ("申请表.pdf", "shared.pdf")]),
    "202406/t20240604_4.html": ("示例市政府信息公开申请办理规定",
                                ["第一条 为规范政府信息公开申请的办理，保障公民、法人和其他组织依法获取政府信息，"
                                 "根据《中华人民共和国政府信息公开条例》，结合本市实际，制定本规定。" * 3,
                                 "第二条 本市各级行政机关办理政府信息公开申请，适用本规定。申请人可以通过互联网、"
                                 "信函、传真或者当面提交等方式提出申请，行政机关应当提供便利。" * 2,
                                 "申请表格式见附件。"],
                                [("政府信息公开申请表.pdf", "shared-copy.pdf")]),
    "202406/t20240605_5.html": ("示例市各类附件的处理测试通知",
                                ["附件如下。"],
                                [("扫描件.pdf", "scan.pdf"), ("加密.pdf", "secret.pdf"), ("仅限打印.pdf", "owner-only.pdf"),
                                 ("损坏.pdf", "broken.pdf"), ("外部实体.docx", "xxe.docx"), ("炸弹.zip", "bomb.zip"),
                                 ("多层.zip", "nested.zip"), ("超大.pdf", "huge.pdf"), ("错误页.pdf", "missing-page.pdf"),
                                 ("已删除.pdf", "gone.pdf")]),
}


def document_page(title: str, paragraphs: list[str], links: list[tuple[str, str]]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    body += "".join(f'<p><a href="../files/{name}">{text}</a></p>' for text, name in links)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_通知公告_示例市人民政府</title>
<meta name="SiteName" content="示例市人民政府"></head><body>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="{COLUMN}">通知公告</a></div>
<div class="article"><h1>{title}</h1><div class="info">发布日期：2024-06-01 信息来源：示例市人民政府</div>
<div class="TRS_Editor">{body}</div></div></body></html>""".encode("utf-8")


def routes(secret_path: str) -> dict[str, Route]:
    items = "".join(f'<li><a href="{path}">{title}</a><span>2024-06-0{n}</span></li>'
                    for n, (path, (title, _, _)) in enumerate(DOCUMENTS.items(), start=1))
    listing = (f"<html><head><meta charset='utf-8'><title>通知公告</title></head><body>"
               f"<ul class='list'>{items}</ul></body></html>").encode("utf-8")
    site = {"/robots.txt": Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"}),
            COLUMN: html(listing), COLUMN + "index.html": html(listing)}
    for path, (title, paragraphs, links) in DOCUMENTS.items():
        site[COLUMN + path] = html(document_page(title, paragraphs, links))
    for name, data in files(secret_path).items():  # served as sites do: the type says little
        site[f"{COLUMN}files/{name}"] = Route(data, headers={"Content-Type": "application/octet-stream"})
    site[f"{COLUMN}files/missing-page.pdf"] = html("<html><body>文件不存在</body></html>".encode("utf-8"))
    return site
