"""Vocabularies of government pages, kept as data apart from the extraction logic.

Every table here is what real disclosure pages show; extend a table, not the code.
"""

# Label spellings of 信息公开 metadata blocks, per record field. Spaces inside labels
# (索 引 号, 标　　题, 有&ensp;效&ensp;性) are matched by the extractor, not listed here.
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "index_no": ("索引号", "索取号", "信息索引号"),
    "publisher": ("发文机关", "发布机构", "发文单位", "发布单位", "公开责任部门", "发布机关",
                  "信息发布机构", "制发机关", "责任部门", "公开部门", "办文部门"),
    "doc_no": ("发文字号", "文号", "发文文号", "文件编号"),
    "written_at": ("成文日期", "生成日期", "发文日期", "发文时间", "成文时间", "制发日期"),
    "published_at": ("发布日期", "发布时间", "公开日期", "公开时间", "时间", "日期", "发表时间"),
    "subject": ("主题分类", "所属主题", "分类", "主题", "信息分类", "组配分类"),
    "keywords": ("主题词", "关键词", "关键字"),
    "title": ("标题", "名称", "文件名称", "信息名称", "公文名称"),
    "source": ("信息来源", "来源", "文章来源"),
    "validity": ("有效性", "时效性", "效力状态", "有效期", "是否有效"),
    "implemented_at": ("实施日期", "生效日期"),
}

# Labels that end the previous value but carry nothing we keep (counters, tools, links).
IGNORED_LABELS: tuple[str, ...] = (
    "浏览次数", "访问量", "点击数", "阅读次数", "浏览量", "作者", "字体", "字号", "责任编辑",
    "编辑", "网站", "分享到", "文章类型", "信息类别", "发布人", "【字体", "扫一扫", "打印", "访问次数",
)

# Values meaning "nothing here": the field is null, never the word.
NULL_VALUES: frozenset[str] = frozenset({"无", "暂无", "-", "--", "/", "空", "null", "none", "无文号"})

# Standard gov meta tags (名称 in <meta name=…>, matched case-insensitively) → record field.
META_FIELDS: dict[str, str] = {
    "articletitle": "title",
    "pubdate": "published_at",
    "firstpublishedtime": "published_at",
    "contentsource": "source",
    "columnname": "column",
    "lanmu": "column",
    "keywords": "keywords",
}
# Meta tags kept as-is in the record's `meta` mapping (site identity, ids, descriptions).
META_KEPT: tuple[str, ...] = (
    "SiteName", "SiteDomain", "SiteIDCode", "ColumnName", "ColumnType", "ArticleTitle",
    "PubDate", "ContentSource", "Keywords", "Description", "Url", "manuscriptId",
    "firstpublishedtime", "lastmodifiedtime", "lanmu", "Author",
)

# Known CMS content containers, most specific first: ("id" | "class", value).
CONTENT_CONTAINERS: tuple[tuple[str, str], ...] = (
    ("id", "UCAP-CONTENT"),
    ("class", "TRS_UEDITOR"),
    ("class", "TRS_Editor"),
    ("class", "trs_editor_view"),
    ("id", "zoom"),
    ("class", "article-content"),
    ("id", "Zoom"),
    ("class", "article_content"),
    ("class", "pages_content"),
    ("class", "view_content"),
    ("class", "article_con"),
    ("id", "wenzhang-content"),
    ("id", "content"),
)

# Breadcrumb containers and the lead-in words they start with.
BREADCRUMB_XPATHS: tuple[str, ...] = (
    '//*[contains(@class, "breadcrumb") or contains(@class, "crumb") or contains(@class, "position")'
    ' or contains(@class, "location") or contains(@id, "position") or contains(@id, "location")'
    ' or contains(@class, "dqwz") or contains(@class, "curmb")]',
)
BREADCRUMB_LEADS: tuple[str, ...] = ("当前位置", "您现在的位置", "您的位置", "所在位置", "当前页面", "位置")
BREADCRUMB_SEPARATORS = r"\s*(?:>|＞|»|›|/|→|-&gt;|>>)\s*"

# Whole lines that are page furniture, not document text (regular expressions, full match).
BOILERPLATE_LINES: tuple[str, ...] = (
    r"[【\[]?\s*字体\s*[:：]?.*[大中小].*",
    r"(?:【\s*[大中小]\s*】\s*)+",
    r"[【\[]?\s*(?:打印本页|打印|关闭窗口|关闭本页|返回顶部|收藏|纠错|我要纠错)\s*[】\]]?(?:\s*[【\[]?\s*(?:打印本页|打印|关闭窗口|关闭本页|返回顶部|收藏)\s*[】\]]?)*",
    r"分享到\s*[:：]?.*",
    r"扫一扫.*",
    r"(?:上一篇|下一篇)\s*[:：].*",
    r"相关(?:链接|文章|阅读|文件|信息)\s*[:：]?",
    r"来源\s*[:：]\s*网络整理.*",
    r"免责声明\s*[:：].*",
    r"链接地址\s*[:：].*",
    r"本文链接\s*[:：].*",
    r"##paid(?:begin|end)##",
    r"(?:浏览次数|访问量|点击数)\s*[:：]?\s*\d*",
    r"视力保护色\s*[:：]?.*",
)
# Blocks removed from the body text before it is split into lines: server-template leftovers
# (JSP/ASP comments and directives) that leak into pages.
BOILERPLATE_BLOCKS: tuple[str, ...] = (r"<%--.*?--%>", r"<%[@=!]?.*?%>")

# Markers removed wherever they appear inside a line.
BOILERPLATE_MARKERS: tuple[str, ...] = (r"##paid(?:begin|end)##",)

# File types a 附件 link points at.
ATTACHMENT_EXTENSIONS: tuple[str, ...] = (
    "pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ofd", "zip", "rar", "7z", "txt", "ppt", "pptx", "csv",
)

# Suffixes of <title> that name the column or site, not the document.
TITLE_SEPARATORS = r"\s*[_|｜\-—－]\s*"
