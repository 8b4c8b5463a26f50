"""A whole government portal on 127.0.0.1, built from real markup: what `scrapy discover` walks,
`scrapy check` reads, and the crawl of what discovery found archives.

Its 政府信息公开 root, ROOT, is the real Handan 信息公开 page (TRS, hebei-handan_trs_guide_1: its
column tree `sideMenu`, its department directory trimmed to two departments, its site navigation
`dhlm` and footer) carrying in its scripts the real Pingtan `gklist` map (from
fujian-pingtan_trs-trt_detail_1, trimmed to three departments and some of their channels, written
back in the page's own syntax). The Handan disclosure host is mounted at ROOT and the Handan and
Pingtan portals at /, so every link of the real pages points into this portal, or off it to hosts
that are not theirs (hbzwfw.gov.cn, ccgp-hebei.gov.cn …).

Columns are real list templates with the portal's documents as their items: the Handan TRS list
(hebei-handan_trs_list_1, countPage pager) for the tree's columns and the 市政府办公室 department
(documents: shanxi_trs_detail_1),
the Pingtan TRS "trt" list (fujian-pingtan_trs-trt_list_1) for the map's channels, the Jiangsu
Hanweb column (jiangsu-fzggw_hanweb_datastore_list_1, datastore) for the 市发展改革委 department's
sub-site, mounted under ROOT/gszbm/auto23693/ and reached through a redirect. Documents are real
detail pages of each platform made distinct. Department pages of the map redirect to their 全部
channel, which lists every document of the department's other channels.

Served but never to be requested by discovery, each a list of documents so that following one
would show: the site navigation's news and 政民互动 columns, a column robots.txt disallows, the
map's 意见征集 and 办事指南 channels, and the Handan portal's 领导分工 page outside the root.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from tests.sitekit import CORPUS, INDEX_NUMBERS, Route, html

ROOT = "/zwgk/zfxxgk/"
HERE = "http://127.0.0.1:{{PORT}}"
HANDAN_HOSTS = (("http://hdzfxxgk.hd.gov.cn/", ROOT), ("http://www.hd.gov.cn/", "/"), ("http://hd.gov.cn/", "/"))
PINGTAN_HOSTS = (("https://www.pingtan.gov.cn/", "/"),)
HANWEB_MOUNT = ROOT + "gszbm/auto23693/"
DEPARTMENT_QUERY = "?id=1780%2F2138"  # the directory's links, as the walk spells them
ROBOTS = b"User-agent: *\nDisallow: /zwgk/zfxxgk/zfwj/sfxm/\n"

TRS_DETAIL = "shanxi_trs_detail_1.html"
TRT_DETAIL = "fujian-pingtan_trs-trt_detail_2.html"
HANWEB_DETAIL = "zhejiang-fgw_hanweb_detail_1.html"
# the real document of the 财政金融局 channel below, at its real path
PINGTAN_DOCUMENT = (ROOT + "dfbmptlj/ptzhsyqbm/ptzhsyqczj/fdzdgknr/10qtwjdzjg/202310/t20231023_80401.htm",
                    "平潭综合实验区财政金融局关于2023年调整地方政府专项债券资金用途的公告", "2023-10-23",
                    "fujian-pingtan_trs-trt_detail_1.html")

# (folder under ROOT, name in the tree, documents, per page)
TREE_COLUMNS = (("zfwj/zdwj/", "政府信息公开制度", 1, 15), ("zfwj/jgze/", "机构职责", 3, 2), ("zfwj/ghjh/", "规划计划", 1, 15),
                ("zdly/zdjsxmxxgk/zdxmsslyxx/", "重大建设项目", 1, 15), ("zdly/gysyxxgk/jyjgxxgk/", "社会公益事业", 1, 15),
                ("zdly/ggzypzxxgk/gcjsxmzbtbly/", "公共资源配置", 1, 15), ("zfwj/yjgl/", "应急管理", 1, 15),
                ("zfxxgknb/", "政府信息公开年报", 1, 15))
TREE_NODES = ("", "zfxxgkzn/", "fdgknr/", "ysqgk/")  # pages of the same template as the root
DIRECTORY = ("auto23692", "auto23693")  # 市政府办公室 (a TRS column), 市发展改革委 (a Hanweb sub-site)
HANWEB_COLUMNS = (("284", "通知公告"), ("282", "发改要闻"))
# department → channels kept from the map (by name; 全部 is the department's whole list)
MAP = {"ptzhsyqgaj": ("全部", "意见征集", "工作动态", "行政规范性文件"),
       "ptzhsyqhzs": ("全部", "办事指南", "行政规范性文件"),
       "ptzhsyqczj": ("全部", "其他文件（党政机关会议定点名单；其他应主动公开的政府信息")}
MAP_DOCUMENTS = {"工作动态": 2, "行政规范性文件": 1, "其他文件（党政机关会议定点名单；其他应主动公开的政府信息": 2}
NOT_COLUMNS = {"意见征集", "办事指南"}
# lists the walk must never request: (path, why)
OFF_LIMITS = ((ROOT + "zfwj/sfxm/", "robots.txt"), (ROOT + "zfxxgkzn/hdyw/hdxw/", "site navigation (news)"),
              (ROOT + "zmhd/wyly/", "政民互动"), ("/szzc/zwl/", "outside the root"))


@dataclass(frozen=True)
class Doc:
    path: str
    title: str
    date: str
    template: str

    @property
    def marker(self) -> str:  # what makes its page its own
        return re.search(r"(\d+)\.\w+$", self.path).group(1)


@dataclass
class PortalColumn:
    url: str  # path and query, as the walk ends at it
    names: tuple[str, ...]
    family: str
    docs: list[Doc]
    per_page: int = 15
    claims: str = ""  # what its first page claims, as discover prints it

    @property
    def first_page(self) -> list[Doc]:
        return self.docs[: self.per_page]


def mounted(text: str, hosts) -> str:
    for real, path in hosts:
        text = text.replace(real, HERE + path)
    return text


def replaced(text: str, pattern: str, repl, flags=re.S) -> str:
    """re.sub that must match: a template that changed fails here, not in a test far away."""
    result, count = re.subn(pattern, repl, text, flags=flags)
    assert count, f"portal template: {pattern!r} not found"
    return result


def distinct_page(template: str, marker: str) -> bytes:
    """A real detail page made one document's own: every sentence and 索引号 carries `marker`."""
    page = (CORPUS / template).read_text("utf-8").replace("。", f"。〔{marker}〕")
    for index_no in INDEX_NUMBERS:
        page = page.replace(index_no, f"{index_no}-{marker}")
    return page.encode("utf-8")


class Portal:
    """The portal; `tree` and `channels` (the map's, by department) change it as a site changes."""

    def __init__(self, tree=TREE_COLUMNS, channels=MAP) -> None:
        self.tree, self.channels = tree, channels
        self.columns: dict[str, PortalColumn] = {}
        self.off_limits: dict[str, list[Doc]] = {}
        for folder, name, count, per_page in tree:
            self._column(ROOT + folder, (name,), "trs", count, TRS_DETAIL, per_page)
        self._column(ROOT + f"gszbm/{DIRECTORY[0]}/{DEPARTMENT_QUERY}", ("市政府办公室",), "trs", 2, TRS_DETAIL)
        for number, name in HANWEB_COLUMNS:
            self._column(f"{HANWEB_MOUNT}col/col{number}/index.html", ("市发展改革委", name), "hanweb", 2, HANWEB_DETAIL)
        self.map = self._map()
        for path, why in OFF_LIMITS:
            self.off_limits[path] = self._docs(path, 1, TRS_DETAIL)

    # --- the model ------------------------------------------------------------------------

    def _docs(self, folder: str, count: int, template: str) -> list[Doc]:
        """A column's documents, the same whatever else the portal holds."""
        docs = []
        for i in range(count):
            n = zlib.crc32(folder.encode()) % 90000 * 10 + 10000 + i
            day = 28 - n % 28
            if "/art/" in template or template == HANWEB_DETAIL:
                path = f"{folder.split('col/')[0]}art/2024/6/{day}/art_{1229000000 + n}_{30000000 + n}.html"
            else:
                path = f"{folder.split('?')[0]}202406/t202406{day:02d}_{5000 + n}.{'htm' if 'trt' in template else 'html'}"
            docs.append(Doc(path, f"示例文件第{n}号", f"2024-06-{day:02d}", template))
        return sorted(docs, key=lambda d: d.date, reverse=True)

    def _column(self, url: str, names, family: str, count: int, template: str, per_page: int = 15,
                docs: list[Doc] | None = None) -> PortalColumn:
        docs = docs if docs is not None else self._docs(url, count, template)
        pages = -(-len(docs) // per_page)
        claims = {"trs": f"claims {len(docs)} records in {pages} page{'s' if pages != 1 else ''}",
                  "hanweb": f"claims {len(docs)} records", "trt": f"claims {len(docs)} records"}[family]
        column = PortalColumn(url, tuple(names), "trs" if family == "trt" else family, docs, per_page, claims)
        self.columns[url] = column
        return column

    def _map(self) -> dict[str, dict]:
        """The kept departments of the real map: {dept URL path: {orgname, channels: [(chnlid, path, name)]}}."""
        page = (CORPUS / PINGTAN_DOCUMENT[3]).read_text("utf-8")
        script = page[page.index("var gklist ="): page.index("</script>", page.index("var gklist ="))]
        kept = {}
        for url, org, body in re.findall(r'"(https://[^"]+)":\{orgname:"([^"]+)",chnllist:\[(.*?)\]\}', script, re.S):
            slug = url.rstrip("/").rsplit("/", 1)[-1]
            if slug not in self.channels:
                continue
            channels = [(cid, mounted(curl, PINGTAN_HOSTS).removeprefix(HERE), name)
                        for cid, curl, name in re.findall(r"chnlid:'(\d+)',url:\"([^\"]+)\",chnlname:\"([^\"]+)\"", body)
                        if name in self.channels[slug]]
            kept[mounted(url, PINGTAN_HOSTS).removeprefix(HERE)] = {"orgname": org, "channels": channels}
        assert len(kept) == len(self.channels), "portal template: gklist departments not found"
        for department in kept.values():
            whole = []
            for cid, path, name in department["channels"]:
                if name == "全部":
                    continue
                if name in NOT_COLUMNS:
                    self.off_limits[path] = self._docs(path, 1, TRT_DETAIL)
                    continue
                docs = self._docs(path, MAP_DOCUMENTS.get(name, 1), TRT_DETAIL)
                if path == PINGTAN_DOCUMENT[0].split("202310/")[0]:
                    docs = sorted([Doc(*PINGTAN_DOCUMENT)] + docs[1:], key=lambda d: d.date, reverse=True)
                whole += self._column(path, (department["orgname"], name), "trt", 0, TRT_DETAIL, docs=docs).docs
            path = next(p for _, p, n in department["channels"] if n == "全部")
            self._column(path, (department["orgname"], "全部"), "trt", 0, TRT_DETAIL,
                         docs=sorted(whole, key=lambda d: d.date, reverse=True))
        return kept

    @property
    def documents(self) -> set[str]:
        return {doc.path for column in self.columns.values() for doc in column.docs}

    @property
    def passages(self) -> set[str]:
        """The pages a walk reads that are not columns: the root and its template's other pages,
        the department pages (redirects to their lists)."""
        return ({ROOT + node for node in TREE_NODES} | {ROOT + f"gszbm/{DIRECTORY[1]}/"} | set(self.map))

    def column_urls(self, base: str) -> set[str]:
        return {base + url for url in self.columns}

    # --- the pages ---------------------------------------------------------------------------

    def root_page(self) -> bytes:
        page = (CORPUS / "hebei-handan_trs_guide_1_jsp-derived.html").read_text("utf-8")
        directory = page[page.index('<div class="scroll_tit"><span>市政府部门</span></div>'):]
        entries = directory[directory.index("<ul>") + len("<ul>"): directory.index("</ul>")]
        kept = [m.group(0) for m in re.finditer(r'\s*<li><a href="[^"]*gszbm/([^/]+)/[^"]*"[^>]*>[^<]*</a></li>', entries)
                if m.group(1) in DIRECTORY]
        assert len(kept) == len(DIRECTORY), "portal template: department directory changed"
        page = page.replace(entries, "".join(kept) + "\n", 1)
        for folder, *_ in set(TREE_COLUMNS) - set(self.tree):  # a column the site no longer links
            page = replaced(page, r'\s*<li><span>·</span><a href="http://hdzfxxgk\.hd\.gov\.cn/%s"[^>]*>[^<]*</a></li>'
                            % re.escape(folder), "")
        return (mounted(page, HANDAN_HOSTS).replace("</body>", self._gklist() + "\n</body>")).encode("utf-8")

    def _gklist(self) -> str:
        """The kept map in the page's own syntax."""
        entries = []
        for path, department in self.map.items():
            channels = ",".join(f"{{chnlid:'{cid}',url:\"{HERE}{cpath}\",chnlname:\"{name}\"}}"
                                for cid, cpath, name in department["channels"])
            entries.append(f'"{HERE}{path}":{{orgname:"{department["orgname"]}",chnllist:[{channels}]}}')
        return "<script>\n    var gklist ={\n    " + "\n    ,".join(entries) + "\n    }\n</script>"

    def handan_list(self, column_path: str, name: str, docs: list[Doc], per_page: int, page_no: int) -> bytes:
        page = (CORPUS / "hebei-handan_trs_list_1_jsp-derived.html").read_text("utf-8")
        folder = HERE + column_path.split("?")[0]
        pages = max(1, -(-len(docs) // per_page))
        rows = "".join(
            f'<tr><td height="35"><a href="{HERE}{d.path}" title="{d.title}">{d.title}</a></td>'
            f'<td height="35">000014348/2024-{5000 + i:05d}</td><td height="35">邯郸市人民政府办公室</td>'
            f'<td height="35">{d.date}</td></tr>\n'
            for i, d in enumerate(docs[page_no * per_page:(page_no + 1) * per_page]))
        pager = "".join(f'<a href="{folder}{"index.html" if p == 0 else f"index_{p}.html"}" target="_self" '
                        f'class="pnum">{p + 1}</a>&nbsp;&nbsp;' for p in range(pages) if p != page_no)
        if page_no + 1 < pages:
            pager += f'<a href="{folder}index_{page_no + 1}.html" target="_self">下一页</a>'
        page = replaced(page, r"<h1>近期信息公开</h1>", f"<h1>{name}</h1>")
        page = replaced(page, r'(<meta name="ColumnName" content=")[^"]*', rf"\g<1>{name}")
        page = replaced(page, r'(<div class="sx-more1">).*?(</div>)',
                        rf'\g<1><a href="{HERE}{ROOT}" class="CurrChnlCls">首页</a>-&gt;<a href="{folder}" '
                        rf'class="CurrChnlCls">{name}</a>\g<2>')
        page = replaced(page, r"(</tr>\s*)<tr>\s*<td height=\"35\">.*?</tr>(\s*</tbody>)", rf"\g<1>{rows}\g<2>")
        page = replaced(page, r"var countnum= \d+;", f"var countnum= {len(docs)};")
        page = replaced(page, r"var currentPage=\d+;", f"var currentPage={page_no};")
        page = replaced(page, r"var countPage=\d+", f"var countPage={pages}")
        page = replaced(page, r"(</script>)<a href=\"http://hdzfxxgk\.hd\.gov\.cn/zfwj/jinqixxgk/index\.html\".*?(\s*</div>)",
                        lambda m: m.group(1) + pager + m.group(2))
        return mounted(page, HANDAN_HOSTS).encode("utf-8")

    def trt_list(self, column: PortalColumn, department: dict) -> bytes:
        page = (CORPUS / "fujian-pingtan_trs-trt_list_1.html").read_text("utf-8")
        org, name = column.names
        cid = next(c for c, p, n in department["channels"] if p == column.url)
        crumbs = [(ROOT, "政府信息公开"), (column.url.rsplit("fdzdgknr/", 1)[0], org), (column.url, name)]
        crumb = "".join(f'<li><a href="{HERE}{p}" title="{n}" class="active">{n}</a></li>' for p, n in crumbs)
        on = ' class="on"'
        siblings = "".join(f'<li{on if p == column.url else ""}><a href="{HERE}{p}" title="{n}">{n}</a></li>'
                           for _, p, n in department["channels"])
        items = "".join(f'<li><a href="{HERE}{d.path}" target="_blank" title="{d.title}">{d.title}</a>'
                        f'<em id="rel_{i}"></em><span class="bf-pass">{d.date}</span></li>'
                        for i, d in enumerate(column.docs))
        page = replaced(page, r'(<div class="breadcrumb"[^>]*>.*?<ul>).*?(</ul>)', rf"\g<1>{crumb}\g<2>")
        page = replaced(page, r'(<div class="title_name">)[^<]*', rf"\g<1>{name}")
        page = replaced(page, r'(<meta name="ColumnName" content=")[^"]*', rf"\g<1>{name}")
        page = replaced(page, r'(<ul class="dropdown_menu dropdown_menu-right">).*?(</ul>)', rf"\g<1>{siblings}\g<2>")
        start = page.index('<div ms-visible="$showStatic(1)">')
        end = page.rindex("</div>", start, page.index('<div ms-visible="!showStatic">'))
        page = page[:start] + f'<div ms-visible="$showStatic(1)"><ul>{items}</ul></div>\n' + page[end:]
        page = replaced(page, r"maxStaticIndex: \d+", "maxStaticIndex: 1")
        page = replaced(page, r'chnlid=\d+', f"chnlid={cid}")
        page = replaced(page, r"recordCount:'\d+'", f"recordCount:'{len(column.docs)}'")
        return mounted(page, PINGTAN_HOSTS).encode("utf-8")

    def hanweb_column(self, number: str, names: tuple[str, ...], docs: list[Doc]) -> bytes:
        org, name = names[0], names[-1]
        page = (CORPUS / "jiangsu-fzggw_hanweb_datastore_list_1.html").read_text("utf-8")
        records = "".join(f'<record><![CDATA[\n    <li class="clearfix bt-list-new"><a title=\'{d.title}\' target="_blank" '
                          f'href="{d.path.removeprefix(HANWEB_MOUNT[:-1])}">{d.title}</a><span class="bt-list-time">'
                          f"{d.date}</span>    </li>    ]]></record>\n" for d in docs)
        page = replaced(page, r"(</ul>\s*)(?:<record>.*?</record>\s*)+(</recordset>)", rf"\g<1>{records}\g<2>")
        page = replaced(page, r"totalRecord:\d+", f"totalRecord:{len(docs)}")
        kept = "|".join(n for n, _ in HANWEB_COLUMNS)
        page = replaced(page, r'\s*<a href="/col/col(?!(?:%s)/)\d+/index\.html" class="list-group-item[^>]*>[^<]*</a>' % kept,
                        "")
        page = replaced(page, r"(<title>\S+ )通知公告", rf"\g<1>{name}")
        page = replaced(page, r'(<meta name="(?:ColumnName|channel)" content=")通知公告', rf"\g<1>{name}")
        page = replaced(page, r'<a href="/col/col284/index.html"class="bt_link">通知公告',
                        f'<a href="/col/col{number}/index.html"class="bt_link">{name}')
        # the breadcrumb (<nav aria-label="breadcrumb">) names the department where the real page has 要闻动态
        page = replaced(page, r'(<a href="/col/col275/index.html"\s*class="bt_link">)要闻动态', rf"\g<1>{org}")
        page = replaced(page, r"columnid:284", f"columnid:{number}")
        return re.sub(r'(href|src)="/', rf'\1="{HANWEB_MOUNT}', page).encode("utf-8")

    def routes(self) -> dict[str, Route]:
        root = html(self.root_page())
        routes = {"/robots.txt": Route(ROBOTS, headers={"Content-Type": "text/plain"})}
        routes.update({ROOT + node: root for node in TREE_NODES})
        for url, column in self.columns.items():
            path = url.split("?")[0]
            if column.family == "hanweb":
                number = re.search(r"col(\d+)/", url).group(1)
                routes[path] = html(self.hanweb_column(number, column.names, column.docs))
            elif "/fdzdgknr/" in path:
                department = next(d for p, d in self.map.items() if path.startswith(p))
                routes[path] = html(self.trt_list(column, department))
            else:
                pages = -(-len(column.docs) // column.per_page)
                for p in range(pages):
                    routes[path + ("" if p == 0 else f"index_{p}.html")] = html(
                        self.handan_list(url, column.names[-1], column.docs, column.per_page, p))
                routes[path + "index.html"] = routes[path]
        for path, docs in self.off_limits.items():
            routes[path] = html(self.handan_list(path, "不是栏目", docs, 15, 0))
        routes[ROOT + f"gszbm/{DIRECTORY[1]}/"] = Route(b"", 302, {"Location": f"{HANWEB_MOUNT}col/col284/index.html"})
        for path, department in self.map.items():  # a department's page: its whole list
            whole = next(p for _, p, n in department["channels"] if n == "全部")
            routes[path] = Route(b"", 302, {"Location": whole})
        for column in self.columns.values():
            for doc in column.docs:
                routes[doc.path] = html(mounted(distinct_page(doc.template, doc.marker).decode("utf-8"),
                                                PINGTAN_HOSTS + HANDAN_HOSTS).encode("utf-8"))
        return routes
