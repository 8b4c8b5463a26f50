"""The one rule that makes a link a URL the crawl may request (crawler.links)."""
from __future__ import annotations

import pytest

from crawler.links import absolute_url, rule_against, site_link

BASE = "http://www.example.gov.cn/xxgk/jhzj/index.html"
DOMAINS = ["www.example.gov.cn"]


@pytest.mark.parametrize("href,url", [
    ("../zcwj/t20240601_1.html", "http://www.example.gov.cn/xxgk/zcwj/t20240601_1.html"),
    ("  ./t20240601_2.html?utm_source=x#top ", "http://www.example.gov.cn/xxgk/jhzj/t20240601_2.html"),
    ("//www.example.gov.cn/a.html", "http://www.example.gov.cn/a.html"),
    ("HTTPS://www.example.gov.cn/b.html", "https://www.example.gov.cn/b.html"),
    ("http://[bad", None), ("http://[bad/t20240601_3.html", None), ("http://127.0.0.1:99999/", None),
    ("file://www.example.gov.cn/etc/hostname", None), ("ftp://www.example.gov.cn/pub/a.pdf", None),
    ("javascript:void(0)", None), ("mailto:gov@example.gov.cn", None), ("#top", None), ("", None), (None, None),
    ("data:text/html,<p>x</p>", None),
])
def test_absolute_url(href, url):
    assert absolute_url(href, BASE) == url


@pytest.mark.parametrize("url,rule", [
    ("http://www.example.gov.cn/a.html", None), ("https://sub.www.example.gov.cn/a.html", None),
    ("http://example.gov.cn/a.html", "off-site"), ("http://www.example.gov.cn.evil.com/a.html", "off-site"),
    ("file://www.example.gov.cn/etc/hostname", "scheme"), ("ftp://www.example.gov.cn/a.pdf", "scheme"),
    ("http://[bad", "malformed"), ("http://www.example.gov.cn:99999/", "malformed"),
])
def test_rule_against(url, rule):
    assert rule_against(url, DOMAINS) == rule


def test_site_link_is_absolute_and_allowed():
    allowed = lambda url: rule_against(url, DOMAINS) is None  # noqa: E731
    assert site_link("t1.html", BASE, allowed) == "http://www.example.gov.cn/xxgk/jhzj/t1.html"
    assert site_link("http://elsewhere.gov.cn/t1.html", BASE, allowed) is None
