"""List readers on hostile pages, page by page: what a family read stays read, a pager value it
cannot understand is a warning on the page, and script parsing is linear in the page count."""
from __future__ import annotations

import time

from scrapy.http import HtmlResponse, TextResponse

from crawler.listing import ListRequest, read_list_page, script_number
from tests.faults import HanwebColumn, listing


def page(url: str, body: bytes) -> HtmlResponse:
    return HtmlResponse(url, body=body, encoding="utf-8")


def test_script_numbers_are_read_tolerantly():
    assert [script_number(v) for v in (20, "20", "20;", " '20' ", "abc", "", None, True, 2.0, "9" * 5000)] == \
           [20, 20, 20, 20, None, None, None, None, 2, None]


def hanweb(script: str, store_total: bool = True):
    column = HanwebColumn(991, 20, script, per_page=2, group=3, store_total=store_total)
    return read_list_page(page(f"http://127.0.0.1{column.path}", column.page()), lambda url: True), column


def test_hanweb_total_written_as_a_statement():
    result, column = hanweb("var totalRecord = {docs}; var perPage = {per_page}; var groupSize = {group};")
    assert [item.url for item in result.items] == [f"http://127.0.0.1{column.doc_path(n)}" for n in range(1, 7)]
    assert result.next_page.url == ("http://127.0.0.1/module/jpage/dataproxy.jsp?startrecord=7&endrecord=12&perpage=2")
    assert result.warnings == []


def test_hanweb_total_not_a_number_keeps_the_records_and_walks_on():
    result, _ = hanweb("totalRecord: 'abc', perPage: {per_page}, groupSize: {group},", store_total=False)
    assert len(result.items) == 6
    assert result.warnings == ["jpage totalRecord 'abc' is not a number; using the records read"]
    assert isinstance(result.next_page, ListRequest) and "startrecord=7&endrecord=12" in result.next_page.url


def test_hanweb_parameters_in_lower_case():
    result, _ = hanweb("perpage: {per_page}, groupsize: {group}, totalrecord: {docs},")
    assert "startrecord=7&endrecord=12&perpage=2" in result.next_page.url and result.warnings == []


def test_malformed_links_cost_only_themselves():
    body = listing([("/xxgk/t20240601_1.html", "一"), ("http://[bad/t20240601_2.html", "二"),
                    ("/xxgk/t20240601_3.html", "三")], head='<base href="http://[bad">',
                   extra='<div class="footer"><a href="http://[bad">坏</a><a href="http://127.0.0.1:99999/">端口</a></div>')
    result = read_list_page(page("http://127.0.0.1/xxgk/", body), lambda url: True)
    assert [item.url for item in result.items] == ["http://127.0.0.1/xxgk/t20240601_1.html",
                                                   "http://127.0.0.1/xxgk/t20240601_3.html"]


def test_a_trs_search_answer_with_a_page_count_that_is_not_a_number():
    body = b'{"pageCount": "many", "data": [{"docpuburl": "/t20240601_1.html", "doctitle": "x"}]}'
    response = TextResponse("http://127.0.0.1/fjdzapp/search", body=body, encoding="utf-8")
    result = read_list_page(response, lambda url: True)
    assert (result.family, [i.url for i in result.items], result.next_page) == (
        "trs", ["http://127.0.0.1/t20240601_1.html"], None)


def test_create_page_html_is_linear_in_the_page_count():
    items = [(f"./202406/t20240601_{n}.html", f"文件{n}") for n in range(20)]
    body = listing(items, extra='<script>createPageHTML(40000, 0, "index", "html");</script>')
    started = time.perf_counter()
    result = read_list_page(page("http://127.0.0.1/col/", body), lambda url: True)
    elapsed = time.perf_counter() - started
    assert (result.family, len(result.items), result.next_page) == ("trs", 20, "http://127.0.0.1/col/index_1.html")
    assert elapsed < 0.5, f"{elapsed:.2f}s for one list page of a 40,000-page column"  # was 6.5 s (quadratic)
