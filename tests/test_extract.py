"""extract() against the labelled evaluation set: every field of every page, and the body."""
from __future__ import annotations

from statistics import mean

import pytest

from pipeline import extract
from tests.extraction_cases import FIELDS, all_cases, built_cases, char_f1

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_field(case):
    record = extract(case.html, case.url)
    assert {f: record[f] for f in FIELDS} == case.fields
    assert record["attachments"] == case.attachments


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_body(case):
    record = extract(case.html, case.url)
    assert char_f1(record["body"], case.body) >= 0.90


def test_body_f1_mean():
    assert mean(char_f1(extract(c.html, c.url)["body"], c.body) for c in CASES) >= 0.97


def test_str_and_bytes_give_the_same_record():
    case = CASES[0]
    assert extract(case.html, case.url) == extract(case.html.decode("utf-8"), case.url)


def test_gbk_bytes_without_any_declaration():
    case = built_cases()[0]
    page = case.html.decode("utf-8").replace('<meta charset="utf-8">', "").encode("gbk")
    record = extract(page, case.url)
    assert record["title"] == case.fields["title"] and record["publisher"] == case.fields["publisher"]


def test_index_number_is_flagged_when_unknown():
    html = "<html><body><table><tr><td>索引号：</td><td>随便写的编号</td></tr></table></body></html>"
    record = extract(html, "http://x.gov.cn/a.html")
    assert (record["index_no"], record["index_no_valid"]) == ("随便写的编号", False)
    assert extract(CASES[0].html, CASES[0].url)["index_no_valid"] is True


def test_meta_tags_are_kept():
    record = extract((CASES[0].html), CASES[0].url)
    assert record["meta"]["SiteIDCode"] == "3590000001"
    assert record["meta"]["SiteName"] == "平潭综合实验区党工委管委会"


def test_base_href_resolves_attachments():
    html = ('<html><head><base href="http://files.x.gov.cn/up/"></head><body>'
            '<div id="zoom"><p>正文内容正文内容正文内容正文内容正文内容</p>'
            '<a href="2024/a.pdf">附件一</a></div></body></html>')
    assert extract(html, "http://x.gov.cn/a/b.html")["attachments"] == [
        {"name": "附件一", "url": "http://files.x.gov.cn/up/2024/a.pdf"}]
