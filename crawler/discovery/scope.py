"""What a discovery walk may follow: the site's hosts, under its root, never the page's chrome
nor a section that holds no documents (interaction, service, search).

A column of documents lives under the 政府信息公开 root: on the root's host, below the root's
folder (for Hanweb and Ucap, whose column URLs `/col/colN/` carry no hierarchy, below the folder
holding `col/`), or anywhere on another host the site names. Links in the page's chrome (header,
footer, the site-wide navigation bar, breadcrumbs, search boxes, friend links) lead across the
whole site and are never followed; the side menus and trees of the disclosure section are.
Sections named for interaction (政民互动, 留言, 意见征集 …), service (办事服务, 办事指南 …) and
search are not columns, whether named by the link or by the URL.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from crawler.links import rule_against

# class/id words of the chrome every page of a site repeats: its links are not the section's
# (pinyin too: dhlm 导航栏目, yqlj 友情链接, dqwz 当前位置, dangq 当前)
CHROME = re.compile(
    r"(?:^|[\s_-])(?:header|head|top|topbar|footer|foot|bottom|banner|logo|copyright|friendlinks?|links|"
    r"yqlj|breadcrumb|crumb|position|location|dqwz|dangq|search|sousuo|login|share|toolbar|"
    r"navbar|topnav|mainnav|dhlm|daohang)(?:$|[\s_-]|\d)",
    re.I,
)
CHROME_TAGS = frozenset({"header", "footer"})

# Words of section names that hold no documents; a link text longer than a section name (a
# disclosure category such as 办理…服务事项的依据、条件、程序) is never one.
SECTION_WORDS = ("互动", "留言", "信箱", "访谈", "征集", "调查", "咨询", "投诉", "办事", "服务", "搜索", "检索",
                 "查询", "地图", "登录", "注册", "首页", "无障碍", "帮助")
SECTION_NAME_MAX = 8
# URL path segments of such sections (pinyin initials as sites write them)
SECTION_PATHS = frozenset({
    "zmhd", "hdjl", "hdjlpt", "hudong", "gzhd", "zxft", "wsdc", "myzj", "yjzj", "zxts", "xxgkyj",  # interaction
    "bsfw", "wsbs", "zwfw", "bmfw", "bszn",                                                        # service
    "search", "sousuo", "jsearch", "was5", "gjjs", "so", "wzdt", "sitemap", "login", "uc",         # search, tools
})
_FLAT_COLUMNS = re.compile(r"^(.*/)col/col\d+/$")


def is_section_name(text: str | None) -> bool:
    return bool(text) and len(text) <= SECTION_NAME_MAX and any(word in text for word in SECTION_WORDS)


def is_section_path(path: str) -> bool:
    return any(segment.lower() in SECTION_PATHS for segment in path.split("/"))


def in_chrome(el) -> bool:
    for node in el.iterancestors():
        if node.tag in CHROME_TAGS:
            return True
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if marks.strip() and CHROME.search(marks):
            return True
    return False


def root_folder(path: str) -> str:
    folder = (path or "/").rsplit("/", 1)[0] + "/"
    flat = _FLAT_COLUMNS.match(folder)
    return flat.group(1) if flat else folder


class Scope:
    """The hosts and the root folder of one walk."""

    def __init__(self, root: str, hosts: Iterable[str] = ()) -> None:
        parts = urlsplit(root)
        self.root = root
        self.host = (parts.hostname or "").lower()
        self.hosts = sorted({self.host, *(h.lower() for h in hosts)})
        self.folder = root_folder(parts.path)

    def rule_against(self, url: str) -> str | None:
        """Why the walk may not follow `url` (the crawl's rules, "outside the root",
        "not a column section"), or None."""
        if rule := rule_against(url, self.hosts):
            return rule
        parts = urlsplit(url)
        if (parts.hostname or "").lower() == self.host and not (parts.path or "/").startswith(self.folder):
            return "outside the root"
        if is_section_path(parts.path):
            return "not a column section"
        return None

    def allows(self, url: str) -> bool:
        return self.rule_against(url) is None
