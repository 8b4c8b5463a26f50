"""Vocabularies of government pages, kept as data apart from the extraction logic.

Every table here is what real disclosure pages show; extend a table, not the code.
"""

# Label spellings of 信息公开 metadata blocks, per record field. Spaces inside labels
# (索 引 号, 标　　题, 有&ensp;效&ensp;性) are matched by the extractor, not listed here.
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "index_no": ("索引号", "索取号", "信息索引号"),
    "publisher": ("发文机关", "发布机构", "发文单位", "发布单位", "公开责任部门", "发布机关", "发文机构",
                  "信息发布机构", "制发机关", "制发单位", "责任部门", "公开部门", "办文部门", "成文单位", "发布部门",
                  "所属机构", "发文部门", "所属部门", "发布主体", "公开主体", "机构分类", "信息所属单位", "所属单位", "印发单位", "印发机关",
                  "公开机构", "信息提供单位"),  # (信息提供 alone: the source)
    "doc_no": ("发文字号", "文号", "发文文号", "文件编号", "发文号", "文件字号", "文件文号", "发文编号", "文件号", "公文字号"),
    "written_at": ("成文日期", "生成日期", "发文日期", "发文时间", "成文时间", "制发日期", "印发日期",
                   "签发日期", "印发时间", "形成日期", "签署日期", "签署时间", "文件日期", "通过日期"),
    "published_at": ("发布日期", "发布时间", "公开日期", "公开时间", "时间", "日期", "发表时间",
                     "公布日期", "公布时间", "发稿时间", "上线时间", "发布于", "发表于"),
    "subject": ("主题分类", "所属主题", "分类", "主题", "信息分类", "信息类别", "组配分类", "政策主题",
                "所属类别", "主题类别", "所属分类", "政策分类", "内容分类"),
    "keywords": ("主题词", "关键词", "关键字", "关键词阅读", "本文关键词", "文章关键词", "相关关键词"),
    "title": ("标题", "名称", "文件名称", "信息名称", "公文名称", "文件标题", "信息标题", "公文标题", "题名"),
    "source": ("信息来源", "来源", "文章来源", "稿件来源", "新闻来源", "来源单位", "文件来源", "发布来源", "来源机构", "出处",
               "本文来源", "稿源", "消息来源", "来稿单位", "内容来源", "转自", "转载自", "本文转自", "本文转载自", "来源于", "信息来源单位", "供稿单位", "供稿部门",
               "信息提供"),
    "validity": ("有效性", "时效性", "效力状态", "效力状况", "有效期", "是否有效", "文件状态", "文件效力", "效力",
                 "时效", "有效状态"),
    "implemented_at": ("实施日期", "生效日期"),
    # the catalogue's abstract, often the text's first paragraph again: metadata, never the body
    "summary": ("内容概述", "内容摘要", "内容提要", "摘要"),
}

# Who put the page up (发布：重庆市人民政府办公厅, 发布者：执法监察股, 发布人：招标采购中心): an office's name
# there is the publisher's last fallback, as an unknown label naming an office is; a person's
# (发布者：admin, 发布人：张三) is nothing.
PUBLISHING_LABELS: tuple[str, ...] = ("发布", "发布者", "发布人")

# An unknown label naming an office (…单位, …机构, …机关, …部门: 信息所属单位, 制发单位) among a
# metadata block's labels names the publisher when no known label does (field "office"); labels
# holding these words name other offices (recipients, contacts, the site's owner and host).
OFFICE_LABEL_ENDINGS: tuple[str, ...] = ("单位", "机构", "机关", "部门")
# An unknown label naming a number (公文编号, 发文编码号) whose value is a 文号 gives the 文号 when no
# known label does; registration numbers (规范性文件编号 …) are known labels, ignored.
NUMBER_LABEL_ENDINGS: tuple[str, ...] = ("编号", "文号", "字号")
# What a label nobody listed ends with (联系单位：, 办理时限：, 咨询电话：); words naming a
# speaker before a colon (农机专家李金泽：…) end otherwise.
LABEL_WORD_ENDINGS: tuple[str, ...] = OFFICE_LABEL_ENDINGS + (
    "日期", "时间", "来源", "出处", "类别", "分类", "名称", "标题", "编号", "文号", "号", "人", "者", "方式", "范围", "时限",
    "形式", "状态", "级别", "规模", "地址", "地点", "电话", "网址", "邮箱", "邮编", "期限", "对象", "条件", "依据", "内容",
    "说明", "备注", "次数", "量", "数", "栏目", "频道", "类型", "词", "字号", "字体", "语种", "格式", "年度", "期", "费用",
    "材料", "流程",
)
OTHER_OFFICE_WORDS: tuple[str, ...] = (
    "主送", "抄送", "联系", "协办", "承办", "主办", "主管", "监督", "投诉", "受理", "咨询", "办理", "技术", "维护",
    "支持", "实施", "执行", "起草", "解读", "各",
)

# Labels that are a menu's words too (原创 | 观天下 | 智库): read only before their colon (原创：39健康网)
COLON_LABELS: dict[str, tuple[str, ...]] = {
    "source": ("原创",),
}

# Labels that name a field only among other labels, in a metadata table (目录项的基本信息:
# 索引号 / 主办单位 / 制发日期); elsewhere, in a site's footer, 主办单位 names the site's owner.
TABLE_LABELS: dict[str, tuple[str, ...]] = {
    "publisher": ("主办单位",),
}

# Who a web editor's credit names under a text (责任编辑：…, （通讯员：…）, the review chain 三审:
# 初审 复审 终审): the site's, not the document's. A line of them at the text's edge, or a note of
# one in brackets after its last sentence, is furniture; their labels end a value and carry
# nothing we keep. (公开方式 / 信息公开选项 lines are printed in the document itself, in its 版记,
# and stay.)
CREDIT_ROLES: tuple[str, ...] = ("责任编辑", "编辑", "责编", "初审", "复审", "终审", "审核", "审核人", "审校", "校对", "撰稿",
                                 "撰稿人", "供稿", "监制", "统筹", "策划", "编审", "录入", "文章录入", "信息员", "摄影", "摄像",
                                 "图片来源", "通讯员", "记者", "文字", "图片", "出品")

# Labels that end the previous value but carry nothing we keep (counters, tools, links), and
# look-alikes of kept labels that are something else: a registration number (规范性文件编号,
# 统一登记号) is not the 文号; the longest label wins, so these shadow 文件编号 and 登记.
IGNORED_LABELS: tuple[str, ...] = (
    "浏览次数", "访问量", "点击数", "阅读次数", "浏览量", "浏览", "阅读", "点击", "作者", "字体", "字号", "网站", "分享到", "文章类型", "【字体", "扫一扫", "打印", "访问次数",
    "规范性文件编号", "规范性文件登记号", "统一登记号", "登记号", "统一编号", "失效日期", "废止日期",
    "公开方式", "公开范围", "公开时限", "公开形式", "体裁分类", "服务对象", "文种", "公文种类", "文件分类", "文件类别",
    "信息公开选项", "公开选项", "公开属性", "公开类别", "发布形式", "语种", "信息格式", "发布者",
    "最后更新", "最后更新时间", "最近更新",
) + CREDIT_ROLES

# Of those, the notes a document prints in its own 版记 (公开方式：主动公开): closing a text they
# stay, where a line of the others (公文种类：意见, [废止日期]) is the page's catalogue.
DOCUMENT_NOTE_LABELS: tuple[str, ...] = ("公开方式", "公开范围", "公开时限", "公开形式", "信息公开选项", "公开选项", "公开属性",
                                         "公开类别")

# Values meaning "nothing here": the field is null, never the word.
NULL_VALUES: frozenset[str] = frozenset({"无", "暂无", "-", "--", "/", "空", "null", "none", "无文号", "—", "——", "－", "---", "----"})

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
# Other CMSs' names for those meta tags (博达 VSB's pageTitle is its ArticleTitle), read as them.
META_ALIASES: dict[str, str] = {"pagetitle": "ArticleTitle"}
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
    ("class", "v_news_content"),  # 博达 VSB
    ("class", "wp_articlecontent"),  # 苏迪 WebPlus
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

# Class names that hide an element in every common CSS framework (AngularJS, Bootstrap …).
HIDDEN_CLASSES: frozenset[str] = frozenset({"ng-hide", "hide", "hidden", "d-none", "display-none", "is-hidden",
                                            # read to screen readers only, clipped from the page: (opens new window)
                                            "sr-only", "visually-hidden", "screen-reader-text", "element-invisible"})

# Words of a class or id (whole, a digit may follow: nav2) that make an element navigation
# (nav-biglist, main_menu): prose inside one (a mega-menu's panels describing the offices) is not
# the document.
NAVIGATION_NAMES: tuple[str, ...] = ("nav", "menu", "navbar", "mainnav")
NAVIGATION_TAGS: frozenset[str] = frozenset({"nav"})
# Page chrome, the same way: navigation and every other region around a page's document or list
# (header, footer, side bars, share and search boxes); its links are never a list's items.
CHROME_NAMES: tuple[str, ...] = NAVIGATION_NAMES + (
    "navs", "menus", "header", "head", "top", "topbar", "footer", "foot", "bottom", "sidebar", "side", "aside",
    "banner", "friend", "friendlink", "links", "yqlj", "copyright", "breadcrumb", "crumb", "position", "location",
    "dqwz", "share", "search", "login", "toolbar", "logo",
)
CHROME_TAGS: frozenset[str] = frozenset({"nav", "header", "footer", "aside"})
# The page's margins: a footer or a side bar, whose prose (领导致辞, 网站声明) is the site's. Fewer
# words than CHROME_NAMES: a wrapper around the whole page is often named top_bg or main-side.
MARGIN_NAMES: tuple[str, ...] = ("footer", "foot", "copyright", "sidebar")
MARGIN_TAGS: frozenset[str] = frozenset({"footer", "aside"})
# Lines only a site's footer prints, whatever its markup: the registrations every Chinese site
# must show (ICP备案, 公安备案, 政府网站标识码). The page's own content ends above the first.
FOOTER_MARKS: tuple[str, ...] = ("ICP备", "公网安备", "网站标识码", "网站识别码")

# Breadcrumb containers: words a CMS puts in their class or id (crumb, Position …), any case;
# mbx, mianbao: 面包屑 in pinyin, dqwz: 当前位置
BREADCRUMB_NAMES: tuple[str, ...] = ("crumb", "position", "location", "dqwz", "curmb", "mbx", "mianbao")
# …and words naming one only as a word of their own (ul.bread, div.ewb-bread; not div.breadbanner)
BREADCRUMB_WORDS: tuple[str, ...] = ("bread",)
BREADCRUMB_LEADS: tuple[str, ...] = ("当前位置", "您现在的位置", "您的位置", "所在位置", "当前页面", "位置", "当前栏目", "所在栏目", "当前路径", "所在路径", "在这里",
                                     "Location", "You are here")  # (an English template's)
# 》 only after a space (首页 》专题栏目): elsewhere it closes a book title (《办法》)
HOME_NAMES: tuple[str, ...] = ("首页", "网站首页", "主页", "返回首页")  # a trail's first step
# a trail's last step naming the current page by its kind, after the column's (… > 通知公告 > 正文)
CURRENT_PAGE_STEPS: tuple[str, ...] = ("正文", "详情", "内容", "正文内容", "详细内容", "文章内容", "详细信息", "信息详情", "浏览文章")
BREADCRUMB_SEPARATORS = r"\s*(?:[-－—]+\s*>|>>|>|＞|»|›|/|→)\s*|\s+》\s*|\s+[-－]\s+"  # (首页 --> 通知公告: an arrow drawn in dashes)

# …and what a note in brackets may name after the text's last sentence (…圆满成功。（通讯员：廖康）)
TRAILING_NOTE_ROLES: tuple[str, ...] = (*CREDIT_ROLES, "作者", "来源", "信息来源", "文章来源", "稿源")
# The tags of a site's tips to its readers, printed after a text (【温馨提示】：…可以加QQ群…)
SITE_TIP_TAGS: tuple[str, ...] = ("温馨提示", "小编提示", "友情提示", "小贴士")
# A link back to the platform run into the text's last sentence (…前往送别。返回搜狐，查看更多): the site's.
TRAILING_LINKS: tuple[str, ...] = (r"返回[\u4e00-\u9fa5]{1,8}[，,]\s*查看更多",)

# Whole lines that are page furniture, not document text (regular expressions, full match).
BOILERPLATE_LINES: tuple[str, ...] = (
    r"[【\[]?\s*(?:文章|文字)?(?:字体|字号|文字)(?:大小)?\s*[:：]?.*[大中小].*",
    r"[【\[]?\s*(?:字体|字号)\s*[:：]?[\sA-Za-z+\-|｜【】\[\]]*",  # 字号：T | T, 字体：A+ A A-
    r"(?:[【\[]?\s*A\s*[+\-]?\s*[大中小]\s*[】\]]?\s*){2,}",  # A+大 A+中 A+小
    r"(?:[AT]\s*[+\-]?\s*[|｜]?\s*){2,3}",  # A A A, T | T: font sizes drawn as letters
    rf"[（(【\[]?\s*(?:网站|网络|新闻|信息)?(?:{'|'.join(CREDIT_ROLES)}|作者)"
    r"\s*[:：|｜︱丨].{0,60}[）)】\]]?",  # (a bar for the colon: 作者︱春春; contacts after the name: 【编辑：王珏 QQ：…；TEL：…】)
    r"[（(]\s*(?:[\u4e00-\u9fa5]{1,8}?网)?(?:责任编辑|编辑|责编)\s+[\u4e00-\u9fa5]{2,4}\s*[）)]",  # （编辑 张三）, （松花江网编辑 孙桂芳）
    r"[（(]\s*(?:图片|照片|图)由.{1,20}提供\s*[）)]",
    r".{0,8}本文仅代表作者(?:本人)?观点.*",
    r"(?:原文|文章)(?:链接|地址)\s*[:：].*",
    # a news item's credits: 医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳, （文/张三 图/李四）
    r"(?:[（(]?\s*(?:(?:文|图|图文|摄影|摄像|视频|编辑|责编|审核|校对|撰稿|供稿|通讯员|记者|作者|执笔)\s*[/／]\s*[^\s/／:：，。]{1,12}"
    r"|[^\s/／:：，。]{2,30}(?:供稿|撰稿|供图))\s*[）)]?\s*)+",
    r"[（(]\s*(?:本文|全文|原文|文章)?有删[减节]\s*[）)]",  # the web editor's note that the text is abridged
    r".{0,4}(?:扫一扫|扫描二维码|扫描下方二维码|长按识别二维码|长按二维码|用手机扫描|手机扫码|微信扫描|扫描分享|扫码阅读|扫码查看|扫码在手机|扫码关注).*",
    r".{0,40}(?:版权所有|ICP备|网站标识码|公网安备|网站地图|联系我们).*",
    r"(?:本网站|本站)?(?:所有|刊登的)?.{0,10}如需转载.*",
    r".{0,40}转载.{0,4}注明(?:出处|来源).*",  # 转载请注明出处, 本作品为…原创，转载时务请注明出处
    # a paper's print of the text reposted: 《人民日报》（2024年05月10日04版）
    r"《[^》]{2,15}》\s*[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:第?\s*\d{1,3}\s*版)?\s*[）)]",
    r"(?:阅读|展开|查看)(?:剩余)?全文.{0,6}",  # a phone page's fold: 阅读剩余全文（）
    r"(?:本文)?原标题\s*[:：].{1,80}",
    r"[（(]\s*原标题\s*[:：].{1,80}[）)]",  # …in brackets: （原标题：美国新冠肺炎确诊病例超过278万例）
    r"[（(]\s*原题为.{1,80}[）)]",  # （原题为《新年伊始，习近平的重要文章谈了啥？》）
    r"[（(]\s*本文来自.{1,60}[）)]",  # (本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP)
    # a WeChat account's footer: its keyword replies, its menu, its 在看 button, the sources with a bar
    r"(?:\d{1,2}\s*[、.．]\s*)?回复\s*【[^】]{1,10}】.{0,20}",
    r".{0,6}点击?(?:菜单栏|底部菜单|下方菜单).{0,30}",
    r".{0,10}点\s*[【\[]\s*(?:在看|赞)\s*[】\]].{0,20}",  # (in its brackets: 重点在看 is words)
    r"(?:来源|图源|图片来源)\s*[|｜︱丨].{0,60}",
    r"(?:本文|文章|本稿)由.{1,20}?(?:整合|整理|编译|综合)自?.{0,40}",  # an aggregator's credit: 文章由创业邦整合自今晚财讯、新京报等  # a reposted text's first title, given by the site that reposts it
    r"(?:欢迎)?关注(?:微信)?公众号\s*[:：].{0,20}",
    r"(?:欢迎|敬请|请)?关注.{1,20}(?:微信公众号|公众号|微博|抖音号|视频号)",  # 欢迎关注“示例发布”微信公众号
    r".{0,6}凡本(?:站|网).{0,20}(?:转载|作品|稿件).*",
    r"版权(?:与|和)?免责声明.{0,10}",
    r"(?:【\s*[大中小]\s*】\s*)+",
    r"分享(?:到|至)?\s*[:：].*",
    r"分享到.*",
    # a site's footer, its operators named together: 主办：…办公室 承办：…大数据中心
    r".{0,20}主办(?:单位)?\s*[:：].{0,40}(?:承办|协办|技术支持|运维|维护)(?:单位)?\s*[:：].*",
    # the pager of a text printed over several pages: 上一页 1 2 下一页, 共2页
    r"(?=.*(?:上一页|下一页|共\s*\d+\s*页))(?:首页|上一页|下一页|尾页|末页|共\s*\d+\s*页|第\s*\d+\s*页|\d+|[\s|｜<>«»])+",
    r"(?:[\[【]\s*\d{1,3}\s*[\]】]\s*){2,}",  # or its pages' numbers alone: [1] [2] [3]
    r"扫一扫.*",
    # an embedded file viewer's hint: 如果您的浏览器无法显示PDF文件，请点击下载
    r"(?=.{0,12}(?:浏览器|PDF|pdf|文件)).{0,30}(?:无法|不能)(?:正常)?(?:显示|浏览|查看|打开|阅读).{0,20}(?:点击|下载).{0,12}",
    r"(?:上一篇|下一篇|上一条|下一条)\s*[:：].*",
    r"(?i:(?:previous|prev|next|older|newer)\s*(?:post|article|entry|story|news)?)\s*(?:[:：].*)?",  # an imported theme's: Next post
    r"(?:视频|内容|页面)?(?:正在)?加载中.{0,6}",  # a player's placeholder: 视频加载中...
    r".{0,12}加载中[，,。.…]*\s*请稍[候等].*",  # a widget's: 调查问题加载中，请稍候。若长时间无响应，请刷新本页面
    r"[【\[]\s*纠错\s*[】\]].*",  # a news page's error-report button, the editor's credit after it
    r"[+＋]\s*1",  # a like button's
    r"(?:\d+\s*人(?:跟贴|跟帖|参与|评论|点赞|收藏|阅读|浏览)\s*[|｜]?\s*)+",  # a comment box's counters: 0人跟贴 | 0人参与
    r"\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?",  # and its clock: 00:00 / 03:25
    r"(?:相关)?附件(?:下载)?\s*[:：]\s*(?:无|暂无)",
    r"(?:暂无评论|发表评论|我要评论).{0,10}",
    r"本(?:页面|网页|栏目|页)(?:内容|信息)?由.{2,30}(?:负责维护|维护|负责|提供).{0,10}",
    r"相关(?:链接|文章|阅读|文件|信息)\s*[:：]?",
    r"来源\s*[:：]\s*网络整理.*",
    # the site's notice (声明：本文转载自…，不代表本网立场; 平台声明：该文观点仅代表作者本人…), not a tender's own 特别声明 of its terms
    r"[【\[]?[\u4e00-\u9fa5]{0,4}声明\s*[:：】\]](?=.*(?:本网|本站|本文|观点|立场|版权|转载|作者|网络|仅供参考|投资建议)).*",
    r".{0,20}(?:仅代表|不代表).{0,20}(?:观点|立场).*",  # 以上内容仅代表作者本人观点
    r".{0,10}如(?:有|涉及|涉)侵权.{0,30}",  # 如有侵权，请联系删除
    # a reposting site's notice of its rights: 【…作品的中文相关权益归腾讯公司独家所有。未经授权，不得转载、摘编等。】
    r"[【\[]?.{0,60}未经.{0,8}(?:授权|许可|同意).{0,10}不得(?:转载|复制|使用).{0,20}[】\]]?",
    r".{0,40}原创(?:内容|作品|稿件|文章).{0,10}未经.{0,80}",  # 39健康网（www.39.net）原创内容，未经授权不得转载…内容合作请联系：…
    r".{0,10}文明上网.{0,40}",
    # a site's offer between its byline and its text: 微信扫码立即领, …历年真题免费领取
    r"(?:微信|手机|请用?微信|打开微信)?扫(?:码|一扫)(?:立即|免费)?(?:领取?|下载|关注|阅读|查看|获取|咨询|加入|进群|报名).{0,6}",
    r".{0,30}(?:免费领取|立即领取|点击领取|扫码领取|免费下载|立即下载)",  # a comment box's rules: 请您文明上网、理性发言并遵守相关规定
    r"链接地址\s*[:：].*",
    r"(?:本文|本页|页面|网页)(?:链接|地址)\s*[:：].*",
    r"[（(]\s*(?:本文)?转载自.{1,30}[）)]",  # the site's note of where it copied the text from
    # the reposting site's note of its licence: （本文经澎湃新闻授权转载）, not a text's 经…授权发布
    r"[（(]\s*(?:本文|文章|此文|本稿)?经.{1,30}?授权(?:转载|转发|刊发|刊登)\s*[）)]",
    r"(?:本文|文章|此文|本稿)经.{1,30}?授权(?:转载|转发|刊发|刊登)[。.]?",
    r".{0,6}(?:浏览|阅读|点击|访问)\s*\d+\s*次",  # 本文已被浏览 123 次
    r"(?:浏览|阅读|点击|访问)(?:数|量)?\s*(?:[(（]\s*\d*\s*[)）]|\d+)",  # 阅读 (123), its figure filled in by a script; 阅读 327; 阅读数(15878）
    r"(?:图片|图|照片|视频)均?(?:来自|来源于?|选自)(?:网络|互联网).{0,10}",  # 图片均来自网络
    r"##paid(?:begin|end)##",
    r"[—–\-－=_~·\s]*END[—–\-－=_~·\s]*",  # — END —: the closing mark of a text reposted from a WeChat account
    r"[-\d]+\s*次",
    r"(?:浏览次数|访问量|点击数|阅读次数|访问次数|下载次数)\s*[:：]?\s*[-\d]*\s*次?\s*(?:分享[:：]?)?",
    r"(?:更新|修改|录入|上传)(?:时间|日期)\s*[:：]\s*[\d\s:：/.\-年月日]*",  # the page's, not the document's
    r"(?:阅读|点击|点击量|点击率|浏览|浏览量|阅读量|访问)\s*[:：]\s*[\[【(（]?\s*\d*\s*[\]】)）]?\s*次?",
    r"[【\[]?\s*(?:视力保护色|保护视力色)\s*[:：]?.*",
    # a viewer hint beside an attachment: "附件内容为PDF格式，请确认您的计算机系统中已安装了Acrobat Reader软件…"
    r".{0,20}请(?:确认|先)?.{0,12}(?:安装|下载).{0,20}(?:Reader|阅读器|阅读软件|WPS|Office).*",
)
# What a document's title ends with (公文种类 and common genres): a header line ending so is
# the title printed again.
DOCUMENT_TYPES: tuple[str, ...] = (
    "通知", "通告", "公告", "决定", "意见", "办法", "规定", "细则", "方案", "规划", "计划", "批复", "复函",
    "函", "报告", "请示", "纪要", "公报", "决议", "命令", "令", "议案", "通报", "条例", "规则", "指引",
    "指南", "要点", "总结", "公示", "声明", "答复", "通讯", "守则", "章程", "标准", "目录", "清单",
)
# How a site's name ends (a banner headline is no document title).
SITE_NAME_ENDINGS: tuple[str, ...] = ("网站", "门户网站", "门户", "信息公开", "务公开", "政府网", "网", "平台", "系统", "专栏",
                                     "库", "手机版", "移动版", "触屏版", "在线", "频道")  # (贵州气象在线 - 手机版; 三务公开, 政务公开;
# 密云水库综合信息门户; 陕西省科技特派员服务与管理系统)
# Verbs of a news headline (示例市长会见示例国代表团): a line holding one names no office or site,
# however it ends.
HEADLINE_VERBS: tuple[str, ...] = (
    "会见", "会谈", "召开", "出席", "举行", "主持", "看望", "慰问", "强调", "指出", "签署", "印发", "走访",
    "加盟", "加入", "入选", "荣获", "获评", "当选", "受聘",  # (马毅博士加盟信息学院: a person joining an office)
)  # (not 检查, 督导, 调研, 考察: 检查组, 督导组 are offices)
# How a template's name for the kind of page ends (<title>中标公告详细页面</title>): no document's title.
PAGE_KIND_ENDINGS: tuple[str, ...] = ("页面", "详细页", "详情页", "详情", "内容页", "正文页", "文章页", "细览页", "细览")
# Titles a signature's name line starts with: 市长 温国辉 over the date is a signature too.
SIGNER_TITLES: tuple[str, ...] = ("市长", "省长", "区长", "县长", "主席", "主任", "局长", "厅长", "部长", "总理", "书记", "署长")
# How the name of an issuing office ends: the line above a signature's date.
ISSUER_ENDINGS: tuple[str, ...] = (
    "政府", "办公厅", "办公室", "委员会", "委", "局", "厅", "部", "署", "院", "会", "处", "所", "站", "中心",
    "公司", "集团", "监管局", "管委会", "街道办事处", "办", "组", "队", "司", "室", "社", "馆", "团",
    "股",  # a county bureau's section (执法监察股, 法规股)
    "大学", "学校", "中学", "小学",  # (学院 ends in 院)
)
# Last words that end as an office's name does but name no office: a headline's meeting
# (…座谈会, 新闻发布会), its verb (成功举办) or its figure of speech (新格局, 以人民为中心).
NOT_ISSUER_ENDINGS: tuple[str, ...] = (
    "座谈会", "发布会", "推进会", "研讨会", "交流会", "培训会", "动员会", "现场会", "博览会", "招聘会", "运动会",
    "见面会", "通气会", "调度会", "部署会", "宣讲会", "听证会", "说明会", "报告会", "观摩会", "启动会", "对接会",
    "洽谈会", "推介会", "展销会", "交易会", "恳谈会", "分析会", "表彰会", "总结会", "年会", "例会", "茶话会",
    "举办", "承办", "开办", "创办", "督办", "查办", "筹办", "合办", "联办", "兴办",
    "格局", "布局", "开局", "大局", "全局", "新局", "结局", "全部", "内部", "局部", "大厅", "为中心", "场所",
    "之处", "好处",
)
# Class and id names of a headline's 引题 (kicker) and 副题 (subtitle), as e-papers and news CMSs
# name them (<p id="PreTitle">, <p class="subtitle" id="SubTitle">): never the title itself.
SUBTITLE_NAMES: tuple[str, ...] = ("subtitle", "sub-title", "sub_title", "subhead", "subheading", "fbt", "fubiaoti",
                                   "futitle", "fu_title", "vicetitle", "pretitle", "pre-title", "pre_title", "introtitle",
                                   "yinti", "kicker")
# Headings of the site's promotions under a text (推荐阅读, 精彩视频推荐 over a player, a teaser, a
# list): whatever the block holds after them is the site's.
PROMOTION_HEADINGS: tuple[str, ...] = ("推荐阅读", "热点推荐", "热门文章", "热门推荐", "猜你喜欢", "精彩推荐", "精彩视频推荐",
                                       "视频推荐", "精彩图片推荐")
# Headings of blocks that follow the document on its page: related links, downloads, readings.
# Such a heading with only links, files or furniture after it ends the text.
TAIL_HEADINGS: tuple[str, ...] = (
    "相关链接", "相关新闻", "相关文章", "相关阅读", "相关文件", "相关信息", "相关附件", "相关稿件", "相关政策",
    "相关解读", "政策解读", "延伸阅读", "附件下载", "附件", "附件列表", "文档附件", "文件下载", "关联文件", "关联稿件",
    "图片解读", "文字解读", "相关内容", "解读", "一图读懂", "图解",
    "用户评论", "网友评论", "评论",
) + PROMOTION_HEADINGS
# Headings of a metadata block (目录项的基本信息 over 索引号, 发布机构 …): over the text, header.
METADATA_HEADINGS: tuple[str, ...] = ("目录项的基本信息", "基本信息", "信息公开属性", "文件属性", "公开属性", "文件信息")

# Headings of the site's notices printed under a text (版权与免责声明 over its numbered points):
# from such a heading on, when every line after it speaks of the site, the page is the site's.
DISCLAIMER_HEADINGS: tuple[str, ...] = ("版权与免责声明", "版权和免责声明", "免责声明", "版权声明", "版权说明", "网站声明",
                                       "反侵权公告", "侵权声明", "郑重声明", "转载声明")
DISCLAIMER_WORDS: tuple[str, ...] = ("本网", "本站", "本报", "版权", "著作权", "侵权", "转载", "网站", "作品")

# Page tools: a line made only of these words (in brackets or not: 【打印】【关闭】) is furniture.
TOOL_WORDS: frozenset[str] = frozenset({
    "打印本页", "打印", "打印页面", "我要打印", "打印此页", "打印文章", "打印正文", "关闭窗口", "关闭本页", "关闭此页",
    "关闭本窗口", "关闭", "关闭页面", "返回", "返回顶部", "回到顶部", "返回上一页", "返回列表",
    "返回首页", "收藏", "订阅", "二维码", "分享让更多人看到", "收藏本页", "加入收藏", "纠错", "我要纠错", "分享", "分享到", "分享订阅", "分享到微信",
    "分享到微博", "分享文章到", "语音播报", "朗读", "听全文", "微博", "微信", "新浪微博", "腾讯微博", "人民微博", "QQ空间", "QQ好友",
    "朋友圈", "微信朋友圈", "QQ", "钉钉",
    "微信好友", "人人网", "豆瓣", "取消", "大", "中", "小", "默认", "超大", "字号", "字体", "[大]", "[中]", "[小]",
    "阅读模式", "语音朗读", "语音阅读", "听新闻", "无障碍阅读", "无障碍", "长者模式", "关怀模式", "关怀版", "护眼模式",
    "夜间模式", "背景色", "简体", "繁体", "简", "繁", "放大", "正常", "缩小",
    "推荐", "更多", "阅读原文", "点击阅读原文", "查看原文", "点击查看原文", "发表评论", "打印此文", "内容纠错", "网站纠错", "我要分享", "双击滚屏", "滚屏", "TOP", "用手机看", "手机看", "点赞", "播放", "暂停", "无障碍浏览",
    "分享至", "下载", "首页", "AA",  # (AA: the letters of a font-size icon, Aa字体：小|中|大)
    # print or close this page, however a template words it: 打印该页, 关闭此窗口, 打印本文
    *(f"{verb}{this}{what}" for verb in ("打印", "关闭") for this in ("", "本", "该", "此", "当前")
      for what in ("页", "页面", "网页", "文", "文章", "窗口", "正文", "信息")),
    "微信公众号", "官方微信", "扫码关注", "关注我们",  # a QR code's caption
    "转播到腾讯微博", "转播到微博",  # qq's share button over a text's photo
    "举报", "我要举报", "我要评论",  # a news page's report and comment links beside its source
    "图集", "组图",  # the label on a page's carousel of photos (<span class="tj">图集</span>)
    # copy the page's address: 复制地址, 复制本页链接
    *(f"复制{this}{what}" for this in ("", "本页", "此页", "本文", "页面") for what in ("地址", "链接", "网址")),
    # a feed's button for its next items (加载更多新闻, 点击加载更多)
    *(f"{verb}{more}{what}" for verb in ("加载", "点击加载", "查看", "浏览") for more in ("更多",)
      for what in ("", "新闻", "内容", "文章", "资讯", "信息")),
    # the page's own text as a file: PDF下载, Word版下载, 下载OFD (compared in capitals)
    *(f"{kind}{form}下载" for kind in ("PDF", "WORD", "OFD", "WPS", "DOC") for form in ("", "版", "格式")),
    *(f"下载{kind}{form}" for kind in ("PDF", "WORD", "OFD", "WPS", "DOC") for form in ("", "版", "格式")),
})
# 字号 大中小 written as one word after a value (来源：国家能源局 大中小)
FONT_SIZE_TOOL = r"(?:(?:字体|字号)\s*[:：]?\s*)?(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){3}"
# Blocks removed from the body text before it is split into lines: server-template leftovers
# (JSP/ASP comments and directives) that leak into pages.
BOILERPLATE_BLOCKS: tuple[str, ...] = (r"<%--.*?--%>", r"<%[@=!]?.*?%>")

# Markers removed wherever they appear inside a line.
BOILERPLATE_MARKERS: tuple[str, ...] = (
    r"##paid(?:begin|end)##",
    # beside a file's link: its size and kind (（PDF，120KB）, [1.2 MB]), its download counter
    r"\s*[（(\[【]\s*(?:(?i:pdf|docx?|xlsx?|wps|ofd|zip|rar)\s*[，,、/|]?\s*)?\d+(?:\.\d+)?\s*(?i:[kmg]b?|字节)\s*[）)\]】]",
    r"\s*下载次数\s*[:：]\s*\d+\s*次?",
)
# A character every marker above holds (##, 下载次数, a size's unit K/M/G or 字节): a line holding
# none has no marker, and the patterns need not be tried on it. Keep it in step with them.
BOILERPLATE_MARKER_CHARACTERS = "#下kKmMgG字"

# File types a 附件 link points at.
ATTACHMENT_EXTENSIONS: tuple[str, ...] = (
    "pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ofd", "zip", "rar", "7z", "txt", "ppt", "pptx", "csv",
)

# Suffixes of <title> that name the column or site, not the document.
# a hyphen between digits is a range (2024-2025年); an en dash and :: only set apart by spaces
TITLE_SEPARATORS = r"\s*(?:[_|｜—－]|(?<!\d)-|-(?!\d))\s*|\s+(?:–|::)\s+"
