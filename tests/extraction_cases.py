"""The labelled evaluation set of extract(): real pages and pages built in every layout.

Real pages: tests/fixtures/eval/real_pages.json (the first pages, with whole bodies in
tests/fixtures/eval/bodies/) and tests/fixtures/eval/labels/*.jsonl (labelled from each page
itself as LABELLING.md says: every field, and the body's first and last 30 characters).
Built pages: every metadata layout × label spacing × colon style, with rotating label
synonyms, body containers and page furniture; their expected values are known by construction.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).with_name("fixtures")
EVAL = FIXTURES / "eval"
FIELDS = ("title", "index_no", "publisher", "doc_no", "written_at", "published_at", "subject",
          "keywords", "source", "validity", "column")
EDGE = 30  # characters of the body's start and end that labels give
_WS = re.compile(r"\s+")


@dataclass
class Case:
    name: str
    html: bytes
    url: str
    fields: dict[str, Any]
    body: str | None  # the whole body, where known
    attachments: list[dict[str, str]] | None = field(default_factory=list)  # None: not labelled
    host: str = "www.example.gov.cn"
    platform: str = "built"
    body_start: str | None = None  # first EDGE characters of the body, whitespace removed
    body_end: str | None = None
    held_out: bool = False  # labelled as never to be looked at while writing rules
    studied: bool = False  # of a held-out batch that rules were written from after its one measurement

    def __post_init__(self) -> None:
        if self.body is not None and self.body_start is None:
            self.body_start, self.body_end = _edges(self.body)

    @property
    def real(self) -> bool:
        return self.platform != "built"


def field_right(name: str, got: Any, want: Any) -> bool:
    """A field as the label says. A date is right when it is the labelled moment to the
    precision the label gives (a time another source of the page added to the day is fine); a
    title, whatever its spacing."""
    if name in ("published_at", "written_at") and isinstance(want, str):
        return isinstance(got, str) and got.startswith(want)
    if name == "title" and isinstance(want, str):  # a title broken over lines: spacing is layout
        return isinstance(got, str) and squeeze(got) == squeeze(want)
    return got == want


def misses(case: Case, record) -> set[str]:
    """What extract() got wrong on a page: field names, "body start", "body end", "body once", and
    "attachments" where the page's attachments are labelled."""
    wrong = {name for name in FIELDS if not field_right(name, getattr(record, name), case.fields[name])}
    starts, ends = edges_right(record.body, case)
    wrong |= {m for m, ok in (("body start", starts), ("body end", ends), ("body once", read_once(record.body))) if not ok}
    if case.attachments is not None and record.attachments != case.attachments:
        wrong.add("attachments")
    return wrong


def known_misses() -> dict[str, list[str]]:
    path = EVAL / "known_misses.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def edges_right(body: str | None, case: Case, slack: int = 0) -> tuple[bool, bool]:
    """Whether the body starts and ends where the label says: exactly (slack 0), or with the
    labelled edge found within `slack` characters of the body's start or end."""
    text = squeeze(body)
    if case.body_start is None:  # no document text on the page
        return not text, not text
    if not slack:
        return text[:EDGE] == case.body_start, text[-EDGE:] == case.body_end
    return case.body_start in text[:EDGE + slack], case.body_end in text[-(EDGE + slack):]


ONCE = 150  # characters: a body holding its opening this long twice holds the text twice (two copies read)


def read_once(body: str | None) -> bool:
    """Whether the body holds its text once, not a desktop's and a phone's copy one after the other."""
    text = squeeze(body)
    return len(text) < ONCE or text.count(text[:ONCE]) < 2


def squeeze(text: str | None) -> str:
    """Text without any whitespace: how body edges are compared."""
    return _WS.sub("", text or "")


def _edges(body: str | None) -> tuple[str | None, str | None]:
    text = squeeze(body)
    return (text[:EDGE], text[-EDGE:]) if text else (None, None)


def real_cases() -> list[Case]:
    cases, seen = [], set()
    for entry in json.loads((EVAL / "real_pages.json").read_text("utf-8")):
        body = (EVAL / entry["body"]).read_text("utf-8").rstrip("\n") if entry["body"] else None
        html = (FIXTURES / entry["page"]).read_bytes()
        seen.add(hashlib.sha256(html).hexdigest())
        cases.append(Case(entry["page"], html, entry["url"], entry["fields"], body, entry["attachments"],
                          entry["host"], entry["platform"], *_edges(body)))
    for path in sorted((EVAL / "labels").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            html = (FIXTURES / entry["page"]).read_bytes()
            digest = hashlib.sha256(html).hexdigest()
            if digest in seen:  # the same page labelled twice: the first labelling stands
                continue
            seen.add(digest)
            cases.append(Case(entry["page"], html, entry["url"], entry["fields"], None, entry.get("attachments"),
                              entry["host"], entry["platform"], entry["body_start"], entry["body_end"],
                              entry.get("held_out", False), entry.get("studied", False)))
    return cases


# --- built pages -----------------------------------------------------------------------------

SYNONYMS = {
    "index_no": ["索引号", "索取号"],
    "publisher": ["发文机关", "发布机构", "发文单位", "发布单位", "公开责任部门"],
    "written_at": ["成文日期", "生成日期", "发文日期", "发文时间", "成文时间"],
    "published_at": ["发布日期", "发布时间", "公开日期"],
    "doc_no": ["发文字号", "文号"],
    "subject": ["主题分类", "分类", "所属主题"],
    "keywords": ["主题词", "关键词"],
    "validity": ["有效性", "时效性", "效力状态"],
    "source": ["信息来源", "来源"],
    "title": ["标题", "名称"],
}
RAW = {
    "index_no": "11350100MB0000000X/2024-00123",
    "publisher": "示例市交通运输局",
    "written_at": "2024年6月5日",
    "published_at": "2024/6/7 15:56",
    "doc_no": "示交[2024]12号",
    "subject": "交通运输",
    "keywords": "工作总结；工作计划",
    "validity": "有效",
    "source": "市交通局",
    "title": "示例市交通运输局关于印发2024年交通运输工作要点的通知",
}
EXPECTED = {
    **RAW,
    "written_at": "2024-06-05",
    "published_at": "2024-06-07T15:56",
    "doc_no": "示交〔2024〕12号",
    "column": "首页 > 政府信息公开 > 计划总结",
}
PARAGRAPHS = [
    "各县（市、区）交通运输局，局机关各处室、局属各单位：",
    "现将《示例市交通运输局2024年交通运输工作要点》印发给你们，请结合实际认真贯彻落实。",
    "一、加快推进重点交通项目建设。全年计划完成交通固定资产投资85亿元，新改建国省干线公路120公里。",
    "二、提升运输服务品质。推进城乡客运一体化，新开通农村客运线路15条，建制村通客车率保持100%。",
    "三、强化安全生产监管。深入开展道路运输安全专项整治，确保全年不发生较大及以上安全生产责任事故。",
    "示例市交通运输局",
    "2024年6月5日",
]
SPACINGS = {"plain": "", "ascii": " ", "fullwidth": "\u3000", "ensp": "&ensp;", "emsp": "&emsp;", "nbsp": "&nbsp;"}
COLONS = {"fullwidth": "：", "ascii": ":", "none": ""}
CONTAINERS = [
    '<div class="TRS_Editor">{}</div>',
    '<div id="zoom">{}</div>',
    '<td class="b12c" id="UCAP-CONTENT">{}</td>',
    '<div class="article-content">{}</div>',
    '<div class="trs_editor_view TRS_UEDITOR">{}</div>',
    '<div class="wz_content"><div class="detail">{}</div></div>',  # no known container: trafilatura
]
ORDER = ("index_no", "subject", "publisher", "written_at", "title", "doc_no", "published_at",
         "keywords", "validity")


def _label(text: str, spacing: str, colon: str) -> str:
    return spacing.join(text) + colon


def _pairs(n: int, spacing: str, colon: str) -> list[tuple[str, str]]:
    return [(_label(SYNONYMS[f][n % len(SYNONYMS[f])], spacing, colon), RAW[f]) for f in ORDER]


def _meta_block(layout: str, pairs: list[tuple[str, str]]) -> str:
    if layout == "table_th_td":
        rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in pairs)
        return f'<table class="xxgk-table">{rows}</table>'
    if layout == "table_4col":
        cells = [f"<td><b>{k}</b></td><td>{v}</td>" for k, v in pairs] + ["<td></td><td></td>"]
        rows = "".join(f"<tr>{cells[i]}{cells[i + 1]}</tr>" for i in range(0, len(pairs), 2))
        return f'<table class="bd1"><tbody>{rows}</tbody></table>'
    if layout == "ul_li":
        items = "".join(f'<li><span class="lab">{k}</span><font>{v}</font></li>' for k, v in pairs)
        return f'<ul class="trt-row">{items}</ul>'
    if layout == "dl":
        return '<dl class="meta">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in pairs) + "</dl>"
    if layout == "div_rows":
        return "".join(f'<div class="row"><div class="name">{k}</div><div class="value">{v}</div></div>'
                       for k, v in pairs)
    if layout == "p_strong":
        return '<div class="top-l">' + "".join(f"<p><strong>{k}</strong>{v}</p>" for k, v in pairs) + "</div>"
    raise ValueError(layout)


# layouts where label and value share one cell need a colon or a long label to be told apart
INLINE_LAYOUTS = {"ul_li", "p_strong"}
LAYOUTS = ("table_th_td", "table_4col", "ul_li", "dl", "div_rows", "p_strong")


def built_page(n: int, layout: str, spacing: str, colon: str) -> Case:
    pairs = _pairs(n, SPACINGS[spacing], COLONS[colon])
    source_label = SYNONYMS["source"][n % 2]
    container = CONTAINERS[n % len(CONTAINERS)]
    body_html = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    extras = ""
    if n % 3 == 0:
        body_html = f"<p>{RAW['title']}</p>" + body_html  # the title repeated inside the body
    if n % 4 == 1:
        extras = "<p>来源：网络整理</p><p>免责声明：本站转载内容仅供参考。</p><p>##paidbegin##</p>"
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{RAW['title']}_计划总结_示例市人民政府</title></head><body>
<div class="header"><a href="/">示例市人民政府</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/xxgk/">政府信息公开</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/jhzj/">计划总结</a></div>
{_meta_block(layout, pairs)}
<h1>{RAW['title']}</h1>
<div class="info">{source_label}：{RAW['source']}　浏览次数：<span>321</span></div>
<div class="font">【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
{container.format(body_html + extras)}
<div class="fj">附件：<a href="/files/P020240605.pdf">2024年交通运输工作要点.pdf</a></div>
<div class="tools">【打印本页】【关闭窗口】</div>
<div class="share">分享到：</div>
<div class="related">相关链接：<a href="/xxgk/jhzj/t20240101_1.html">2023年工作要点</a></div>
<div class="footer">主办：示例市人民政府办公室 网站标识码：3500000099</div>
</body></html>"""
    return Case(f"built/{layout}/{spacing}/{colon}", html.encode("utf-8"),
                "http://www.example.gov.cn/xxgk/jhzj/202406/t20240605_1.html", dict(EXPECTED),
                "\n".join(PARAGRAPHS),
                [{"name": "2024年交通运输工作要点.pdf", "url": "http://www.example.gov.cn/files/P020240605.pdf"}])


def built_cases() -> list[Case]:
    cases = []
    for n, (layout, spacing, colon) in enumerate(itertools.product(LAYOUTS, SPACINGS, COLONS)):
        if colon == "none" and layout in INLINE_LAYOUTS:
            continue
        cases.append(built_page(n, layout, spacing, colon))
    return cases


def all_cases() -> list[Case]:
    return real_cases() + built_cases()


def char_f1(got: str | None, want: str | None) -> float:
    """Character-bag F1 of two texts, whitespace ignored (1.0 when both are empty)."""
    a = Counter(c for c in (got or "") if not c.isspace())
    b = Counter(c for c in (want or "") if not c.isspace())
    if not a and not b:
        return 1.0
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)
