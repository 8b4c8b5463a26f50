"""extract() never raises: random and mutated HTML give records with empty fields, not crashes."""
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline import extract
from tests.extraction_cases import FIELDS, built_cases

PAGE = built_cases()[0].html.decode("utf-8")
TAGS = ["div", "p", "td", "tr", "table", "li", "ul", "ol", "dl", "dt", "dd", "span", "a", "script", "b", "br", "meta",
        "h1", "h2", "strong", "footer", "aside", "input"]
LABELS = ["索引号：", "发布日期", "来源：", "标　题", "文号", "主题分类:", "当前位置：", "附件", "一、", "二、", "三、",
          "十、附件", "名称：", "（来源：", "往期回顾", "【", "】"]

fragment = st.recursive(
    st.one_of(st.text(max_size=30), st.sampled_from(LABELS), st.sampled_from(["2024-06-07", "国发[2024]1号", "<", "&nbsp;", "&#0;"])),
    lambda inner: st.builds(lambda tag, kids: f"<{tag}>{''.join(kids)}</{tag}>", st.sampled_from(TAGS),
                            st.lists(inner, max_size=4)),
    max_leaves=40,
)


def _check(record):
    assert set(FIELDS) <= set(record.to_dict())
    assert isinstance(record.attachments, list)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    _check(extract(data, "http://x.gov.cn/a.html"))


@settings(max_examples=150, deadline=None)
@given(st.lists(fragment, max_size=6))
def test_random_markup(parts):
    _check(extract("<html><body>" + "".join(parts) + "</body></html>", "http://x.gov.cn/a.html"))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, len(PAGE)), st.integers(0, 400), st.text(max_size=20))
def test_mutated_real_layout(start, length, junk):
    _check(extract(PAGE[:start] + junk + PAGE[start + length:], "http://x.gov.cn/a.html"))


def test_garbage_gives_empty_fields():
    for junk in (b"", b"\x00\x01\x02", "   ", "<<<>>>", "纯文本，没有标签"):
        record = extract(junk, "http://x.gov.cn/a.html")
        assert all(getattr(record, f) is None for f in FIELDS if f != "title")


HREFS = ["http://[bad", "http://h：8080/a.pdf", "http://x.gov.cn:99999/a.pdf", "file:///etc/hostname",
         "javascript:void(0)", "//[::1/a.doc", "../../a.pdf", "mailto:a@b.c", "http://ｘ。gov。cn/a.pdf", " ", "\x00.pdf"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(HREFS), st.sampled_from(HREFS + ["http://x.gov.cn/"]), st.text(max_size=10))
def test_hostile_links_and_base(href, base, name):
    """Malformed hosts, ports and schemes in 附件 links and <base href> never raise; such a link
    is no attachment, and what is left are http(s) URLs."""
    html = (f'<html><head><base href="{base}"></head><body><div id="zoom"><p>各单位：现将有关事项通知如下，请遵照执行。</p>'
            f'<p>附件：<a href="{href}">{name}附件.pdf</a></p></div></body></html>')
    record = extract(html, "http://x.gov.cn/a/b.html")
    _check(record)
    assert all(att["url"].startswith(("http://", "https://")) for att in record.attachments)


def test_a_malformed_attachment_link_loses_nothing_else():
    html = ('<html><head><base href="http://[bad"></head><body><h1>关于印发办法的通知</h1><div id="zoom">'
            '<p>各单位：现将有关事项通知如下，请遵照执行。</p><p><a href="http://[bad/a.pdf">附件1.pdf</a></p>'
            '<p><a href="/files/b.docx">附件2.docx</a></p></div></body></html>')
    record = extract(html, "http://x.gov.cn/a/b.html")
    assert record.title == "关于印发办法的通知"
    assert record.body == "各单位：现将有关事项通知如下，请遵照执行。"
    assert record.attachments == [{"name": "附件2.docx", "url": "http://x.gov.cn/files/b.docx"}]


def test_tool_lines_with_long_whitespace_runs_are_read_in_linear_time():
    """A row of page tools padded with whitespace once took a second per line to match (nested
    quantifiers over spaces): a hostile page could stall extraction."""
    import time

    tools = ("\n" + " " * 40).join(["收藏", "收藏", "打印", "关闭"] * 6)
    html = f"<html><body><div id='zoom'><p>各单位：现将有关事项通知如下，请遵照执行。</p><div>{tools}</div></div></body></html>"
    start = time.perf_counter()
    record = extract(html, "http://x.gov.cn/a.html")
    assert time.perf_counter() - start < 0.5
    assert record.body == "各单位：现将有关事项通知如下，请遵照执行。"


CSS_PARTS = [".a", "#b", "p", "div > .c", ".a.b", "[x=y]", ":hover", "::before", ":nth-child(2n+1)", "*", ",", " ",
             "{display:none}", "{display:inline}", "{visibility:hidden}", "{", "}", "@media print{", "/*", "*/", ";",
             "\\", "'", '"', "display", ":", "none", "!important", "\x00", "svg|a.a", "*|p"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(CSS_PARTS), st.text(max_size=8)), max_size=30))
@example(["\\1"])  # a CSS escape naming a control character, which lxml's XPath refuses
def test_any_page_stylesheet(parts):
    """A page's own <style> of any shape (broken rules, selectors cssselect cannot read) never
    stops the reading of the page."""
    sheet = "".join(parts).replace("<", "")
    page = PAGE.replace("</head>", f"<style>{sheet} .a{{display:none}}</style></head>", 1).replace(
        "<body>", "<body><p class='a b c' id='b'>一段文字，说明用。</p>", 1)
    _check(extract(page, "http://x.gov.cn/a.html"))
