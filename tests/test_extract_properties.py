"""extract() never raises: random and mutated HTML give records with empty fields, not crashes."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import extract
from tests.extraction_cases import FIELDS, built_cases

PAGE = built_cases()[0].html.decode("utf-8")
TAGS = ["div", "p", "td", "tr", "table", "li", "ul", "dl", "dt", "dd", "span", "a", "script", "b", "br", "meta"]
LABELS = ["索引号：", "发布日期", "来源：", "标　题", "文号", "主题分类:", "当前位置：", "附件"]

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
