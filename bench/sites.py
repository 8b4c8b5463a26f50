"""Larger loopback sites for benchmarks, built from the real fixture pages."""
from __future__ import annotations

from tests.sitekit import CORPUS, Route, html

DETAIL_PAGES = (
    "fujian-pingtan_trs-trt_detail_1.html",
    "fujian-pingtan_trs-trt_detail_2.html",
    "shanxi_trs_detail_1.html",
    "zhejiang-fgw_hanweb_detail_1.html",
    "hebei-handan_trs_detail_1_jsp-derived.html",
    "nfra_angular-rendered_detail_2.html",
)

INDEX_NUMBERS = ("PZ00108-3000-2023-00092", "000014348/2020-35147")


def column_site(columns: int = 5, pages_per_column: int = 10, per_page: int = 20) -> dict[str, Route]:
    """`columns` columns of `pages_per_column` list pages with `per_page` documents each; each
    document is a real page with its title made unique, so every one is a new record."""
    bodies = [(CORPUS / name).read_text("utf-8") for name in DETAIL_PAGES]
    routes: dict[str, Route] = {"/robots.txt": Route(b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"})}
    n = 0
    for c in range(columns):
        col = f"/col{c}/"
        for p in range(pages_per_column):
            items = []
            for i in range(per_page):
                n += 1
                path = f"{col}2024{(n % 12) + 1:02d}/t2024{(n % 12) + 1:02d}01_{n}.html"
                items.append(f'<li><a href="{path}">文件 {n}</a><span>2024-{(n % 12) + 1:02d}-01</span></li>')
                # distinct documents: every sentence, title and 索引号 carries the number
                page = bodies[n % len(bodies)].replace("。", f"。〔{n}〕")
                for index_no in INDEX_NUMBERS:
                    page = page.replace(index_no, f"{index_no}{n}")
                routes[path] = html(page.encode("utf-8"))
            nxt = f'<a href="index_{p + 1}.html">下一页</a>' if p + 1 < pages_per_column else ""
            listing = (f"<html><head><meta charset='utf-8'><title>栏目{c}</title></head><body>"
                       f"<ul class='list'>{''.join(items)}</ul><div class='page'>{nxt}</div></body></html>")
            routes[col + ("index.html" if p == 0 else f"index_{p}.html")] = html(listing.encode("utf-8"))
        routes[col] = routes[col + "index.html"]
    return routes
