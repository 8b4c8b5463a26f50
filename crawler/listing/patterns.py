"""Vocabulary of list pages: document URL shapes, pager words. Data only (page chrome: pipeline.vocab)."""
import re

# URL shapes of document (detail) pages on the platforms disclosure sites run.
DOCUMENT_URL_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.I)
    for p in (
        r"/t\d{8}_\d+\.s?html?$",                          # TRS WCM: ./202406/t20240607_4123456.html
        r"/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html$",  # Hanweb JCMS
        r"/content_\d+\.s?html?$",                         # gov.cn, Ucap
        r"/content/(?:\d+/)*post_\d+\.html$",              # Guangdong gkmlpt: content/11/11234/post_11234567.html
        r"/\d{4}-?\d{2}/(?:\d{2}/)?[^/]+\.(?:s?html?|jhtml)$",  # date folders
        r"[?&](?:id|docid|articleid|infoid|contentid|newsid)=\w+",
    )
)

# Link texts of pagers.
NEXT_PAGE_TEXTS = ("下一页", "下页", "后页", "下一頁", "next", ">", "›", "»", ">>")
LAST_PAGE_TEXTS = ("尾页", "末页", "最后一页", "last")
PAGE_URL = re.compile(r"(?:index|list|default)_(\d+)\.s?html?$|[?&](?:page|pageindex|pageno|pagenum|curpage|p)=(\d+)", re.I)

# An element holding list items, and what a list item element is.
ITEM_TAGS = ("li", "tr", "dd", "dt", "p")

# Column (list) page URLs: a folder, or its index page.
COLUMN_URL = re.compile(r"(?:/|/(?:index|default)\.s?html?|/col/col\d+/index\.html)$", re.I)
