"""extract() against the labelled evaluation set: every labelled field and the body's edges of
every real page, every field and the body of every built page."""
from __future__ import annotations

import re
from statistics import mean

import lxml.html
import pytest

from pipeline import extract
from pipeline.blocks import blocks
from pipeline.body import container_lines
from pipeline.container import find_container
from pipeline.extract import parse_html
from pipeline.vocab import FIELD_LABELS
from tests.extraction_cases import (FIELDS, FIXTURES, all_cases, built_cases, char_f1, edges_right, known_misses, misses,
                                    read_once, real_cases, squeeze)
from tests.stresses import column_heading, phone_copy, plain_headline, side_box

CASES = all_cases()
REAL = [c for c in CASES if c.real]
BUILT = [c for c in CASES if not c.real]
WHOLE_BODIES = [c for c in CASES if c.body is not None]  # built pages and the first real ones
KNOWN = known_misses()


@pytest.mark.parametrize("case", REAL, ids=[c.name for c in REAL])
def test_real_page(case):
    """Every labelled field and both body edges, as labelled. The misses we know of are
    listed in fixtures/eval/known_misses.json and must stay exactly those: a new miss fails,
    and so does a fixed one until the list says so (python -m tests.eval --write-known)."""
    assert sorted(misses(case, extract(case.html, case.url))) == sorted(KNOWN.get(case.name, []))


def test_known_misses_are_few():
    """The goal of the real-page evaluation: at least 0.99 per field, 0.95 exact body edges.
    Until it is reached this measures where we stand, and may only get better."""
    missed = [m for page in KNOWN.values() for m in page]
    assert len(REAL) >= 150 and len({c.host for c in REAL}) >= 50
    assert len({c.platform.split(":")[0] for c in REAL}) >= 6
    for name in FIELDS:
        assert missed.count(name) / len(REAL) <= 0.05, name
    for edge in ("body start", "body end"):
        assert missed.count(edge) / len(REAL) <= 0.10, edge


@pytest.mark.parametrize("case", BUILT, ids=[c.name for c in BUILT])
def test_every_field_of_built_pages(case):
    record = extract(case.html, case.url)
    assert {f: getattr(record, f) for f in FIELDS} == case.fields
    assert record.attachments == case.attachments
    assert char_f1(record.body, case.body) >= 0.90


def test_body_f1_mean():
    assert mean(char_f1(extract(c.html, c.url).body, c.body) for c in WHOLE_BODIES) >= 0.97


def test_str_and_bytes_give_the_same_record():
    case = REAL[0]
    assert extract(case.html, case.url) == extract(case.html.decode("utf-8"), case.url)


def test_gbk_bytes_without_any_declaration():
    case = built_cases()[0]
    page = case.html.decode("utf-8").replace('<meta charset="utf-8">', "").encode("gbk")
    record = extract(page, case.url)
    assert record.title == case.fields["title"] and record.publisher == case.fields["publisher"]


def test_index_number_is_flagged_when_unknown():
    html = "<html><body><table><tr><td>索引号：</td><td>随便写的编号</td></tr></table></body></html>"
    record = extract(html, "http://x.gov.cn/a.html")
    assert (record.index_no, record.index_no_valid) == ("随便写的编号", False)
    assert extract(REAL[0].html, REAL[0].url).index_no_valid is True


def test_meta_tags_are_kept():
    record = extract((CASES[0].html), CASES[0].url)
    assert record.meta["SiteIDCode"] == "3590000001"
    assert record.meta["SiteName"] == "平潭综合实验区党工委管委会"


def test_base_href_resolves_attachments():
    html = ('<html><head><base href="http://files.x.gov.cn/up/"></head><body>'
            '<div id="zoom"><p>正文内容正文内容正文内容正文内容正文内容</p>'
            '<a href="2024/a.pdf">附件一</a></div></body></html>')
    assert extract(html, "http://x.gov.cn/a/b.html").attachments == [
        {"name": "附件一", "url": "http://files.x.gov.cn/up/2024/a.pdf"}]


@pytest.mark.parametrize("shown", [
    '<embed src="/up/2024/a.pdf" type="application/pdf" title="实施方案">',
    '<object data="/up/2024/a.pdf" type="application/pdf" title="实施方案"></object>',
    '<iframe src="/pdfjs/web/viewer.html?file=%2Fup%2F2024%2Fa.pdf" title="实施方案"></iframe>',
    '<div class="wp_pdf_player" pdfsrc="/up/2024/a.pdf" sudyplayer="wp_pdf_player" title="实施方案"></div>',
])
def test_a_document_shown_in_the_page_is_an_attachment(shown):
    html = f'<html><body><div id="zoom"><p>正文内容正文内容正文内容正文内容正文内容</p>{shown}</div></body></html>'
    assert extract(html, "http://x.gov.cn/a/b.html").attachments == [{"name": "实施方案", "url": "http://x.gov.cn/up/2024/a.pdf"}]


def test_a_framed_page_is_no_attachment():
    html = ('<html><body><div id="zoom"><p>正文内容正文内容正文内容正文内容正文内容</p>'
            '<iframe src="/common/footer.html"></iframe><iframe src="/player.html?file=intro.mp4"></iframe></div></body></html>')
    assert extract(html, "http://x.gov.cn/a/b.html").attachments == []


def test_govcn_meta_tags():
    html = """<html><head>
<meta name="manuscriptId" content="5354931">
<meta name="firstpublishedtime" content="2019-01-04-17:21:45">
<meta name="lastmodifiedtime" content="2019-01-04-17:30:00">
<meta name="lanmu" content="最新政策">
<title>国务院关于X的通知_政府信息公开专栏</title></head>
<body><div class="pages_content"><p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：现将有关事项通知如下。</p></div></body></html>"""
    record = extract(html, "http://www.gov.cn/zhengce/content/2019-01/04/content_5354931.htm")
    assert record.published_at == "2019-01-04T17:21:45"
    assert record.column is None  # the column is the page's breadcrumb; the CMS's column name is kept as meta
    assert record.meta["lanmu"] == "最新政策"
    assert record.title == "国务院关于X的通知"
    assert record.meta["manuscriptId"] == "5354931"
    assert record.body.startswith("各省、自治区、直辖市人民政府")


def test_inline_site_and_time_line():
    html = """<html><body><h1>关于开展安全检查的通知</h1>
<div class="msg">网站：示例县人民政府 | 时间：2021-06-18 08:57:38 | 来源：县应急管理局 | 浏览次数：35</div>
<div class="TRS_Editor"><p>各乡镇人民政府：为切实做好汛期安全生产工作，现就开展安全检查有关事项通知如下。</p>
<p>一、管制时间：2021年6月20日至6月30日。</p></div></body></html>"""
    record = extract(html, "http://x.gov.cn/a/t20210618_1.html")
    assert (record.published_at, record.source) == ("2021-06-18T08:57:38", "县应急管理局")
    assert record.body.endswith("一、管制时间：2021年6月20日至6月30日。")


TEXT = ("<p>各单位：现将有关事项通知如下，请认真贯彻落实。</p><p>一、加强领导，明确责任分工。各地要把安全生产摆在突出位置，"
        "层层压实责任，确保各项措施落到实处。</p><p>二、突出重点，深化隐患排查。要聚焦重点领域和关键环节，全面排查风险隐患，"
        "建立问题清单和整改台账，做到整改措施、责任、资金、时限和预案五到位。</p>")


def _page(meta_block: str, body: str = TEXT,
          head: str = "", around: str = "") -> str:
    return (f"<html><head><meta charset='utf-8'>{head}</head><body><div class='nav'><a href='/'>首页</a></div>"
            f"{meta_block}<div id='zoom'>{body}</div>{around}</body></html>")


BODY = "\n".join(p.removesuffix("</p>") for p in TEXT.split("<p>") if p)  # TEXT as extract gives it

LONG = ("为规范示例市道路运输市场秩序，根据《中华人民共和国道路运输条例》等有关规定，结合本市实际，"
        "我局研究制定了《示例市道路运输管理办法（试行）》，现印发给你们，请认真贯彻执行，执行中遇到的问题请及时反馈。")


SUMMARY = ("根据《示例部关于种子种源进口税收优惠政策的通知》，示例部会同有关部门制定了《进口种子种源免征增值税商品清单》，"
           "现予以公布，自2026年1月1日起实施。")


# The classes of real pages issue 11 names, one page each: (page, field, value)
CLASSES = {
    "th/td without colons, four columns": (
        _page("<table><tr><th>索引号</th><td>11350100MB0000000X/2024-00123</td><th>发文字号</th><td>示交〔2024〕12号</td></tr></table>"),
        {"index_no": "11350100MB0000000X/2024-00123", "doc_no": "示交〔2024〕12号"}),
    "label split by markup": (
        _page("<table><tr><td><span style='margin-right:31px'>名</span>称</td><td>关于做好道路运输工作的通知</td></tr>"
              "<tr><td><p style='letter-spacing:9px'>索引号</p></td><td>11350100MB0000000X/2024-00007</td></tr></table>"),
        {"title": "关于做好道路运输工作的通知", "index_no": "11350100MB0000000X/2024-00007"}),
    "value between comment markers": (
        _page("<div>索引号：<!--索引号开始-->11350100MB0000000X/2024-00009<!--索引号结束--></div>"),
        {"index_no": "11350100MB0000000X/2024-00009"}),
    "metadata table inside the text's container": (
        _page("", "<table><tr><td>发布机构：</td><td>示例市交通运输局</td><td>成文日期：</td><td>2024-06-05</td></tr></table>"
                  "<p>各单位：现将有关事项通知如下，请认真贯彻落实。</p>"),
        {"publisher": "示例市交通运输局", "written_at": "2024-06-05", "body": "各单位：现将有关事项通知如下，请认真贯彻落实。"}),
    "bracketed labels, stray bracket": (
        _page("<p>[发文机构] 北京市人民政府办公厅</p><p>【发文字号】]京政办发〔2011〕8号</p>"),
        {"publisher": "北京市人民政府办公厅", "doc_no": "京政办发〔2011〕8号"}),
    "a short label spaced out inside brackets, no colon (shanxi.chinatax)": (
        _page("<p class='text-des'>【文&ensp;&ensp;&ensp;&ensp;号】 晋医保发〔2021〕14号<br>【成文日期】 2021-07-28<br>"
              "【是否有效】 全文有效<br></p>"),
        {"doc_no": "晋医保发〔2021〕14号", "written_at": "2021-07-28", "validity": "全文有效"}),
    "[制发单位] is the publisher (jxj.beijing)": (
        _page("<ul><li>[制发单位] <span>北京市经济和信息化局</span></li><li>[有效性] <span>有效</span></li></ul>"),
        {"publisher": "北京市经济和信息化局", "validity": "有效"}),
    "a CMS's feed code in <meta name=ContentSource> is not a source (fgk.chinatax)": (
        _page("", head="<meta name='ContentSource' content='SZfaguiku'>"), {"source": None}),
    "a name in <meta name=ContentSource> is the source when the page shows none": (
        _page("", head="<meta name='ContentSource' content='示例市交通运输局'>"), {"source": "示例市交通运输局"}),
    "an h1 that heads the column (a step of the breadcrumb) is not the title": (
        _page("<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/tzgg/'>通知公告</a></div>"
              "<h1>通知公告</h1><h2 class='art-tit'>关于开展2024年安全生产检查的通知</h2>",
              head="<title>关于开展2024年安全生产检查的通知-示例县人民政府</title>"),
        {"title": "关于开展2024年安全生产检查的通知", "column": "首页 > 通知公告"}),
    "the title in a div that says so, over its source and date, when h1 and <title> name column and site": (
        _page("<div class='crumb'><a href='/'>首页</a> &gt; <a href='/zcwj/'>政策文件</a></div><h1>政策文件</h1>"
              "<div class='detail-title'><div>关于开展2024年安全生产检查的通知</div><ul><li>来源：示例县应急管理局</li>"
              "<li>2024-06-05 10:00</li></ul></div>", head="<title>示例县人民政府</title>"),
        {"title": "关于开展2024年安全生产检查的通知", "source": "示例县应急管理局"}),
    "a headline ending in a meeting is no office's name (kepu, cmse: …座谈会, …新闻发布会)": (
        _page("<div class='detail-title'><div>示例市主持召开深入推进区域一体化发展座谈会</div></div>",
              head="<title>示例县人民政府</title>"),
        {"title": "示例市主持召开深入推进区域一体化发展座谈会"}),
    "nor one ending in its verb (putian: …成功举办)": (
        _page("<div class='xl_tit1'>示例市第四期初创企业经营者能力提升培训班成功举办</div>", head="<title>示例县人民政府</title>"),
        {"title": "示例市第四期初创企业经营者能力提升培训班成功举办"}),
    "the title by where it stands: a plain block over the text's date, source and tools (the page's title names the site)": (
        _page("<div>示例市西城区出台多项惠企措施，助力专精特新企业来京创业发展</div><p>发布时间：2024-06-11</p><p>来源：</p>"
              "<p>字号：[大][中][小]</p>", head="<title>示例县人民政府</title>"),
        {"title": "示例市西城区出台多项惠企措施，助力专精特新企业来京创业发展", "published_at": "2024-06-11"}),
    "a title its element breaks over two lines, its issuers on the first": (
        _page("<div>示例市医疗保障局 示例市财政局<br/>关于做好2024年城乡居民基本医疗保障工作的通知</div><p>2024-06-11</p>",
              head="<title>示例县人民政府</title>"),
        {"title": "示例市医疗保障局 示例市财政局关于做好2024年城乡居民基本医疗保障工作的通知"}),
    "a bar with the 文号, a contact and an index number between headline and text are no title": (
        _page("<div>科技部等三部门修订印发高新技术企业认定管理办法</div><table><tr><td>索引号</td></tr><tr><td>000019705/2026-000154</td></tr></table>"
              "<div>政策正文 国科发火〔2016〕32号 原文链接</div><div>联系人 黄先生 0745-2210959</div>",
              head="<title>示例县人民政府</title>"),
        {"title": "科技部等三部门修订印发高新技术企业认定管理办法"}),
    "an h2 worded by its kind (…统计报告, …成交公告) over a heading nearer the text (pbc, ccgp)": (
        _page("<h2>2018年三季度金融机构贷款投向统计报告</h2><p>2018-10-19 16:00</p><p>【打印】</p><p>【关闭】</p>"
              "<div>代理机构联系方式及地址</div>", head="<title>示例县人民政府</title>"),
        {"title": "2018年三季度金融机构贷款投向统计报告"}),
    "a title heading holding its labelled date and 文号 (fgw.sh)": (
        _page("<h2 class='Article-title'><span>关于我市开展气电价格联动调整有关事项的通知</span> <small>"
              "<span>(发布日期：2026年04月24日</span> <span>文号：沪发改价管〔2026〕19号)</span></small></h2>",
              head="<title>示例县人民政府</title>"),
        {"title": "关于我市开展气电价格联动调整有关事项的通知", "doc_no": "沪发改价管〔2026〕19号"}),
    "a list of links under a heading nobody listed closes the container (往期回顾)": (
        _page("", TEXT + "<p>往期回顾</p><p><a href='/a/1.html'>示例市召开安全生产工作会议</a></p>"
                         "<p><a href='/a/2.html'>示例市开展防汛应急演练活动</a></p>"), {"body": BODY}),
    "a list of links without a heading closes the container": (
        _page("", TEXT + "<ul><li><a href='/a/1.html'>示例市召开安全生产工作会议</a></li>"
                         "<li><a href='/a/2.html'>示例市开展防汛应急演练活动</a></li></ul>"), {"body": BODY}),
    "annexes named by links under the text's 附件 line stay": (
        _page("", TEXT + "<p>附件：<a href='/a/1.html'>1.示例市道路运输管理办法</a></p><p><a href='/a/2.html'>2.示例市道路运输管理细则</a></p>"),
        {"body": BODY + "\n附件：1.示例市道路运输管理办法\n2.示例市道路运输管理细则"}),
    "a 相关解读 block over a source line closing the container": (
        _page("", TEXT + "<p>相关解读：</p><p><a href='/a/1.html'>图解示例市道路运输管理办法</a></p><p>来源：示例市应急管理局</p>"),
        {"body": BODY}),
    "a Bootstrap breadcrumb: steps as list items, the current one plain text, separators drawn by CSS (sheitc)": (
        _page("<div class='cont'><ol class='breadcrumb'><li><a href='/' title='首页'>首页</a></li><li class='active'>经济运行</li>"
              f"</ol><p>{LONG}</p></div>"),
        {"column": "首页 > 经济运行"}),
    "the site's consultation box and [返回] after the text's file are not the text (sheitc)": (
        _page("", TEXT + "<a href='/f/1.docx' class='fj'>附件：示例市电力供应关键绩效指标报告.docx</a><div class='mc'>"
                         "<a href='http://app.example.gov.cn/zxzx.do'>政策性文件留言咨询</a>"
                         "<p>（注：1.只接收对该政策性文件的相关咨询;2.留言时请注明政策性文件名称）</p></div>"
                         "<div><a href='javascript:history.back();'>[返回]</a></div>"), {"body": BODY}),
    "a file link before the signature leaves the signature to the text": (
        _page("", TEXT + "<p><a href='/f/1.docx'>附件：示例市道路运输管理办法.docx</a></p><p>示例市交通运输局</p>"
                         "<p>2024年6月5日</p><p><a href='javascript:history.back();'>[返回]</a></p>"),
        {"written_at": "2024-06-05"}),
    "an empty label's colon, then a label run into its date without one (sheitc, printed without colons)": (
        _page("<p><span>来源：</span><span>发布日期2024-04-30</span></p>"), {"source": None, "published_at": "2024-04-30"}),
    "a byline inside the text's container, over its first line, outranks a re-publication's PubDate": (
        _page("", "<p class='artlabel'><span>中国人民银行网站</span> 2025-05-30</p>" + TEXT,
              head="<meta name='PubDate' content='2029-01-13 10:00'>"), {"published_at": "2025-05-30", "body": BODY}),
    "a label alone on its line, its value on the line under it in the same element": (
        _page("<p><strong>发布机构：</strong><br>示例市交通运输局</p><p><strong>成文日期：</strong><br>2024-06-05</p>"),
        {"publisher": "示例市交通运输局", "written_at": "2024-06-05"}),
    "but not a search form's label over its options": (
        _page("<form><p>有效性：<br>不限 有效 失效<br>排序方式：<br>时间 相关度</p></form>"), {"validity": None}),
    "dots leading from a label to its value": (
        _page("<p>发布机构.......示例市交通运输局</p><p>成文日期.......2024-06-05</p>"),
        {"publisher": "示例市交通运输局", "written_at": "2024-06-05"}),
    "values shown in read-only form fields; a search box's words are no value": (
        _page("<table><tr><td>发布机构</td><td><input type='text' readonly value='示例市交通运输局'></td></tr>"
              "<tr><td>成文日期</td><td><input disabled value='2024-06-05'></td></tr>"
              "<tr><td>主题分类</td><td><input type='text' value='请输入关键字'></td></tr></table>"),
        {"publisher": "示例市交通运输局", "written_at": "2024-06-05", "subject": None}),
    "tools spread over a template's whitespace between the headline and the text (fgk.chinatax)": (
        _page("<div>示例部 示例总局关于明确非应税交易等有关事项的公告</div><p>收藏" + " " * 80 + "打印" + " " * 80
              + "分享到微信</p><p>成文日期：2026-08-27</p>", head="<title>示例县人民政府</title>"),
        {"title": "示例部 示例总局关于明确非应税交易等有关事项的公告"}),
    "a title the text's header prints over three lines, a hidden share widget's copy cut by its line break (gov.cn 公报)": (
        _page("<div class='share-title' style='display:none'>示例市人民代表大会常务委员会关于批准示例市发行专项债券及调整2007<br>"
              "年末债务余额限额的决议</div>",
              "<p align='center'><strong>示例市人民代表大会常务委员会<br>关于批准示例市发行专项债券及<br>调整2007年末债务余额限额的决议"
              "</strong><br>（2007年6月29日示例市人民代表大会常务委员会第二十八次会议通过）</p>" + TEXT,
              head="<title>示例县人民政府</title>"),
        {"title": "示例市人民代表大会常务委员会关于批准示例市发行专项债券及调整2007年末债务余额限额的决议"}),
    "a metadata block's heading between the headline and the text is no title": (
        _page("<div>示例市交通运输局关于开展道路运输安全检查的意见</div><div>目录项的基本信息</div>"
              "<table><tr><td>索引号</td><td>11350100MB0000000X/2024-00123</td></tr></table>",
              head="<title>示例县人民政府</title>"),
        {"title": "示例市交通运输局关于开展道路运输安全检查的意见"}),
    "labels in brackets of any shape, or after a bullet, with no colon": (
        _page("<p>〔发布机构〕 示例市交通运输局</p><p>「发文字号」 示交〔2024〕12号</p><p>■ 成文日期 2024-06-05</p>"
              "<p>（有效性） 有效</p>"),
        {"publisher": "示例市交通运输局", "doc_no": "示交〔2024〕12号", "written_at": "2024-06-05", "validity": "有效"}),
    "a 文号 line in full-width figures over the text is its header (its figures ASCII, as searched for)": (
        _page("", "<p>示交﹝２０２４﹞１２号</p>" + TEXT), {"doc_no": "示交〔2024〕12号", "body": BODY}),
    "a notice's 名称： under its sections, in lines of one element, is the text's, not the title (ccgp-hebei)": (
        _page("<div>示例县村级信息中心电脑采购项目中标公告</div>",
              "一、项目编号：ZC130800202101632<br>二、项目名称：示例村级信息中心电脑项目<br>三、公告期限：自本公告发布之日起1个工作日。<br>"
              "四、联系方式<br>名称：示例县文化广电局本级<br>电话：0314-7566207", head="<title>中国示例政府采购网</title>"),
        {"title": "示例县村级信息中心电脑采购项目中标公告"}),
    "a <title> naming the template's kind of page (中标公告详细页面) is no title": (
        _page("<table><tr><td align='center'><span class='txt2'>2021年示例村级信息中心电脑采购项目中标公告</span></td></tr>"
              "<tr><td>发布时间：2021-10-11</td></tr></table>", head="<title>中标公告详细页面</title>"),
        {"title": "2021年示例村级信息中心电脑采购项目中标公告"}),
    "a long label run into its value without a colon, after another label on its line (search.saic, no colons)": (
        _page("<ul><li>发布时间 2018年01月23日&nbsp;&nbsp;&nbsp;&nbsp; 信息来源工商总局办公厅</li></ul>"),
        {"published_at": "2018-01-23", "source": "工商总局办公厅"}),
    "a metadata value long enough to read as prose is no text (有效性：| 有效（本文件自印发之日起施行…）)": (
        "<html><head><meta charset='utf-8'><title>示例文件</title></head><body><h1>示例文件</h1><table><tr><td>有效性：</td>"
        "<td>有效（本文件自印发之日起施行，有效期至另行通知之日止）（本文件自印发之日起施行，有效期至另行通知之日止）</td></tr></table>"
        "<div class='TRS_Editor'><p>这是第1号文件的正文。为做好相关工作，现将有关事项通知如下，请各单位认真贯彻落实。</p></div></body></html>",
        {"validity": "有效（本文件自印发之日起施行，有效期至另行通知之日止）（本文件自印发之日起施行，有效期至另行通知之日止）",
         "body": "这是第1号文件的正文。为做好相关工作，现将有关事项通知如下，请各单位认真贯彻落实。"}),
    "a byline ending in its date (site, address, date) over the text is no title (www.scio)": (
        _page("<div>示例部长会见示例国贸易部长一行</div><div>示例市人民政府新闻办公室网站 www.example.gov.cn 2019-04-12</div>",
              head="<title>示例县人民政府</title>"),
        {"title": "示例部长会见示例国贸易部长一行"}),
    "a salutation's addressees over the text, their colon apart, are no title": (
        _page("<div>示例市人民政府关于下达2023年退役士兵安置任务的通知</div><div>莲都区人民政府，市直各单位<span>：</span></div>",
              head="<title>示例县人民政府</title>"),
        {"title": "示例市人民政府关于下达2023年退役士兵安置任务的通知"}),
    "labelled values run together without spacing: a colon marks a short label after a date": (
        _page("<div class='info'><span>作者:张三</span><span>日期:2024-06-05</span><span>来源:示例县应急局</span></div>"),
        {"published_at": "2024-06-05", "source": "示例县应急局"}),
    "pairs each in brackets: 【来源：…】 ends at its bracket": (
        _page("<div>【发布时间：2024-06-05】【来源：示例县应急局】【字体：大 中 小】</div>"),
        {"published_at": "2024-06-05", "source": "示例县应急局"}),
    "a share line with a colon, its services run together, is furniture": (
        _page("", TEXT + "<div>分享：<a>QQ空间</a><a>新浪微博</a><a>微信</a></div>"), {"body": BODY}),
    "a site footer inside the text's container (主办：… 承办：…)": (
        _page("", TEXT + "<p>主办：示例县人民政府办公室 承办：示例县大数据中心</p><p>网站标识码：3301000001 浙ICP备12345678号</p>"),
        {"body": BODY}),
    "the pager of a text printed over several pages": (
        _page("", TEXT + "<p>上一页 1 2 下一页</p>"), {"body": BODY}),
    "a layout table, one cell a row (headline, text, footer), is not a table of data": (
        "<html><body><table><tr><td><h1>关于开展安全检查的通知</h1></td></tr><tr><td class='bt_content'>" + TEXT
        + "</td></tr><tr><td>主办：示例县人民政府</td></tr></table></body></html>",
        {"title": "关于开展安全检查的通知", "body": BODY}),
    "a 名称： among a procurement notice's numbered items is its text, not the title's label": (
        "<html><body><h1>示例县人民医院医用氧气供应成交结果公告</h1><div class='article'><p>成交结果公告</p>"
        "<p>一、项目编号：示采〔2022〕67号</p><p>二、项目名称：示例县人民医院医用氧气供应</p><p>三、主要标的信息：</p>"
        "<p>名称：医用氧气</p><p>四、联系方式：</p><p>名称：示例县人民医院</p><p>地址：示例县人民路1号</p>"
        "<p>本项目代理服务费由成交单位在领取成交通知书时一次性支付，请各方知悉。</p></div></body></html>",
        {"title": "示例县人民医院医用氧气供应成交结果公告"}),
    "the headline in a cell whose class says tit (td.news_tit), the <title> naming the site": (
        "<html><head><title>示例市政府采购网</title></head><body><table><tr><td class='news_tit'>"
        "示例县人民医院医用氧气供应成交结果公告</td></tr><tr><td>发布日期：2022-10-13 浏览数：</td></tr>"
        f"<tr><td id='zoom'><p>成交结果公告</p>{TEXT}</td></tr></table></body></html>",
        {"title": "示例县人民医院医用氧气供应成交结果公告", "published_at": "2022-10-13"}),
    "the web editors' review chain (初审 复审 终审) under the text and over it is the site's": (
        _page("", "<p>【初审：张三 复审：李四 终审：王五】</p>" + TEXT + "<p>初审：张三　审核：李四　终审：王五</p>"),
        {"body": BODY}),
    "a reading counter, a scan-to-read box and a reposting notice under the text are the site's": (
        _page("", TEXT + "<p>阅读：1234次</p><p>点击量：[1234]</p><div class='ewm'><img src='qr.png'><p>手机扫码阅读</p></div>"
              "<p>本文来源于示例县人民政府网站，转载请注明出处。</p>"), {"body": BODY}),
    "公开方式：主动公开 printed at the end of the document (its 版记) is the document's": (
        _page("", TEXT + "<p>公开方式：主动公开</p>"), {"body": BODY + "\n公开方式：主动公开"}),
    "the date printed under the title inside the text's container, bare or as its 题注, is header": (
        _page("<h1>关于开展安全检查的通知</h1>", "<h2>关于开展安全检查的通知</h2><p>2024-06-05</p>" + TEXT),
        {"body": BODY}),
    "a 题注 date under the 文号 and title printed in the text": (
        _page("<h1>关于开展安全检查的通知</h1>", "<p>示应急〔2024〕7号</p><p>关于开展安全检查的通知</p><p>（2024年6月3日）</p>"
              + TEXT), {"doc_no": "示应急〔2024〕7号", "body": BODY}),
    "a date, then the source, with no labels, over the text": (
        _page("<h1>关于开展安全检查的通知</h1>", "<p>2024-06-05 10:00 示例县应急局</p>" + TEXT), {"body": BODY}),
    "a font-size tool drawn with letters (字号：T | T)": (
        _page("", "<p>字号：T | T</p>" + TEXT), {"body": BODY}),
    "a value a script writes alone in the cell after its label's cell, from a variable set earlier": (
        _page("<script>var fbjg = '示例县人民政府办公室';</script><table><tr><td>发布机构：</td>"
              "<td><script>document.write(fbjg);</script></td></tr><tr><td>文号：</td>"
              "<td><script>document.write('示政办〔2024〕5号');</script></td></tr></table>"),
        {"publisher": "示例县人民政府办公室", "doc_no": "示政办〔2024〕5号"}),
    "发布于 before a date and time": (
        _page("<div class='info'>发布于 2024-06-05 10:30</div>"), {"published_at": "2024-06-05T10:30"}),
    "a short h1 naming the column, with no breadcrumb, when the <title> says more": (
        _page("<h1>通知公告</h1>", head="<title>关于开展2024年安全生产检查的通知_示例县人民政府</title>"),
        {"title": "关于开展2024年安全生产检查的通知"}),
    "a header row of labels over a row of values": (
        _page("<table><tr><th>索引号</th><th>发布机构</th><th>文号</th></tr><tr><td>11330100/2024-00012</td>"
              "<td>示例县人民政府办公室</td><td>示政办〔2024〕5号</td></tr></table>"),
        {"index_no": "11330100/2024-00012", "publisher": "示例县人民政府办公室", "doc_no": "示政办〔2024〕5号"}),
    "a metadata table under the text, inside its container": (
        _page("", TEXT + "<table class='xxgk'><tr><td>索引号：</td><td>11330100/2024-00012</td><td>发布机构：</td>"
              "<td>示例县人民政府办公室</td></tr><tr><td>成文日期：</td><td>2024-06-03</td><td>文号：</td>"
              "<td>示政办〔2024〕5号</td></tr></table>"),
        {"index_no": "11330100/2024-00012", "publisher": "示例县人民政府办公室", "doc_no": "示政办〔2024〕5号",
         "written_at": "2024-06-03", "body": BODY}),
    "a lone 时间： line under the text is the text's, not the publication date": (
        _page("<div>发布日期：2024-06-05</div>", TEXT + "<p>时间：2024年7月1日</p>"), {"published_at": "2024-06-05"}),
    "a time run into 来源： with no space, a bracketed tool after the value (ccgp's header)": (
        _page("<h2 class='tc'>示例县人民医院医用氧气供应项目中标公告</h2><p class='tc'><span id='pubTime'>"
              "2024年06月05日 10:30</span><span>来源：<a href='http://x'>示例县政府采购网</a></span><span>【打印】</span></p>",
              head="<title>示例县人民医院医用氧气供应项目中标公告_地方公告_中国政府采购网</title>"),
        {"published_at": "2024-06-05T10:30", "source": "示例县政府采购网"}),
    "a short text (详见附件) under the headline, beside a side box of more prose": (
        "<html><body><div class='nav'>" + "".join(f"<a href='/{i}'>栏目名称{i}</a>" for i in range(10)) + "</div>"
        "<div class='main'><div class='left'><div class='box'><h3>领导致辞</h3><p>欢迎您访问示例县人民政府门户网站！示例县位于"
        "示例省东南部，山清水秀，人杰地灵，我们真诚欢迎各界朋友来示例县投资兴业。</p></div><ul>"
        + "".join(f"<li><a href='/n{i}'>关于做好第{i}项重点工作的通知</a></li>" for i in range(6)) + "</ul></div>"
        "<div class='right'><h1>关于公布示例县2024年安全生产检查工作方案的通知</h1><div id='zoom'><p>现将《示例县2024年"
        "安全生产检查工作方案》予以公布，请各单位认真贯彻执行，详见附件。</p></div></div></div></body></html>",
        {"body": "现将《示例县2024年安全生产检查工作方案》予以公布，请各单位认真贯彻执行，详见附件。"}),
    "a short text under an h2 headline, the side box after it, no CMS container": (
        "<html><body><div class='nav'>" + "".join(f"<a href='/{i}'>栏目名称{i}</a>" for i in range(10)) + "</div>"
        "<div class='main'><div class='right'><h2>关于公布示例县2024年安全生产检查工作方案的通知</h2><div class='con'><p>现将《示例县2024年"
        "安全生产检查工作方案》予以公布，请各单位认真贯彻执行，详见附件。</p></div></div><div class='left'><div class='box'><h3>领导致辞</h3><p>欢迎您访问示例县人民政府门户网站！示例县位于"
        "示例省东南部，山清水秀，人杰地灵，我们真诚欢迎各界朋友来示例县投资兴业。</p></div><ul>"
        + "".join(f"<li><a href='/n{i}'>关于做好第{i}项重点工作的通知</a></li>" for i in range(6)) + "</ul></div>"
        "</div></body></html>",
        {"body": "现将《示例县2024年安全生产检查工作方案》予以公布，请各单位认真贯彻执行，详见附件。"}),
    "the date printed beside its source's name, no labels, under the headline": (
        _page("<h1>关于开展安全检查的通知</h1><div class='info'>2024-06-05 10:00 示例县应急局</div>"),
        {"published_at": "2024-06-05T10:00"}),
    "the source's name, then the date, under the headline": (
        _page("<h1>关于开展安全检查的通知</h1><div class='info'>示例县应急局 2024-06-05 10:00</div>"),
        {"published_at": "2024-06-05T10:00"}),
    "a text of one paragraph in an unknown CMS: its salutation (a link) and signature beside it": (
        "<html><body><div class='nav'>" + "".join(f"<a href='/{i}'>栏目名称{i}</a>" for i in range(10)) + "</div>"
        "<h1>关于开展安全检查的通知</h1><div class='article'><p><a href='/org'>各乡镇人民政府、县直各单位：</a></p>"
        f"<p>{LONG}</p><p>示例县应急管理局</p><p>2024年6月3日</p></div></body></html>",
        {"written_at": "2024-06-03", "body": f"各乡镇人民政府、县直各单位：\n{LONG}\n示例县应急管理局\n2024年6月3日"}),
    "page tools run together (打印关闭) and drawn with letters (A+大 A+中 A+小)": (
        _page("", "<p>A+大 A+中 A+小</p>" + TEXT + "<p>打印关闭</p><p>【打印此页】 【关闭窗口】</p>"), {"body": BODY}),
    "the site's 版权与免责声明 under the text, its points in sentences": (
        _page("", TEXT + f"<p>{LONG}</p><p>版权与免责声明</p><p>1.凡本网站注明“文章来源：示例市地方金融工作局”或“文章来源：示例市地方金融工作局网站”"
              "的所有作品，其版权属于示例市地方金融工作局。</p><p>2.如因作品内容、版权等问题需要同本网联系的，请在30日内进行。</p>"),
        {"body": f"{BODY}\n{LONG}"}),
    "a bare date under the header's 来源 line": (
        _page("<h1>关于开展安全检查的通知</h1>", "<p>来源：示例县应急管理局</p><p>2024-06-05</p>" + TEXT), {"body": BODY}),
    "a text in an unknown CMS with one 附件 link (no file type) among its paragraphs": (
        "<html><body><div class='nav'>" + "".join(f"<a href='/{i}'>栏目名称{i}</a>" for i in range(10)) + "</div>"
        "<h1>关于开展安全检查的通知</h1><div class='article'><p>各乡镇人民政府、县直各单位：</p>"
        f"<p>{LONG}</p><p>请于6月30日前报送。</p>"
        "<p>附件：<a href='/att/1'>示例县2024年安全生产大检查工作实施方案及任务分工表</a></p><p>示例县应急管理局</p><p>2024年6月3日</p></div></body></html>",
        {"written_at": "2024-06-03", "body": f"各乡镇人民政府、县直各单位：\n{LONG}\n请于6月30日前报送。"
                                             "\n附件：示例县2024年安全生产大检查工作实施方案及任务分工表\n示例县应急管理局\n2024年6月3日"}),
    "a breadcrumb's lead-in alone over a list of its steps, no name saying so": (
        _page("<div><span>当前位置：</span><ul><li><a href='/'>首页</a></li><li><a href='/zwgk/'>政务公开</a></li>"
              "<li><a href='/tzgg/'>通知公告</a></li></ul></div>"), {"column": "首页 > 政务公开 > 通知公告"}),
    "three links joined by > from a column, not from 首页, no name or lead-in": (
        _page("<div><img src='bread.png'><a href='../../'>政务公开</a> &gt; <a href='../'>政策法规</a> &gt; "
              "<a href='./'>委局文件</a></div>"), {"column": "政务公开 > 政策法规 > 委局文件"}),
    "an <ol> of steps from 首页, separators drawn by CSS, no name saying so": (
        _page("<ol><li><a href='/web'>首页</a></li><li><a href='/zcwj'>政策文件</a></li><li class='active'>"
              "<a href='/zcwj/zx'>最新文件</a></li></ol>"), {"column": "首页 > 政策文件 > 最新文件"}),
    "a file's path printed as its link is no trail": (
        _page("", TEXT + "<p><a href='/upload/file/20210209/a.pdf'>upload/file/20210209/a.pdf</a></p>"), {"column": None}),
    "a placeholder the page's <style> hides beside the value it shows; [文件来源] is the source": (
        _page("<ol class='doc-info'><li>[主题分类] <span class='ztflx z_show'>农业、林业、水利</span><span class='ztfl'>----</span></li>"
              "<li>[发文机构] <span class='zfdw'>----</span><span class='fwdw z_show'>示例市农业农村局</span></li>"
              "<li>[文件来源] <a href='/gb'><span>政府公报 2025年 第25期</span></a></li></ol>",
              head="<style>.ztflx,.ztfl,.zfdw,.fwdw{display:none;}.z_show{display:inline;}"
                   "@media (max-width:750px){.z_show{display:none}}</style>"),
        {"subject": "农业、林业、水利", "publisher": "示例市农业农村局", "source": "政府公报 2025年 第25期"}),
    "an h1 holding the breadcrumb, then the title's h1": (
        "<html><head><title>示例县人民政府</title></head><body><h1>您当前所在的位置：<a href='/'>首页</a> &gt; "
        "<a href='/tzgg/'>通知公告</a></h1><h1>2026年示例县积分制入学学位申请指引</h1>"
        f"<div id='zoom'>{TEXT}</div></body></html>", {"title": "2026年示例县积分制入学学位申请指引"}),
    "a <title> of column and site, the title in a block whose class says tit": (
        "<html><head><title>通知公告_ 示例自治区能源局</title></head><body><div class='crumb'><a href='/'>首页</a> &gt; "
        "<a href='/tzgg/'>通知公告</a></div><div class='tyxl_tit'><span>示例自治区能源局关于公开征求《示例电力市场规则》"
        f"意见建议的公告</span></div><div id='zoom'>{TEXT}</div></body></html>",
        {"title": "示例自治区能源局关于公开征求《示例电力市场规则》意见建议的公告"}),
    "a plain h3 worded as a title, the <title> naming a database": (
        "<html><head><title>示例税务局政策法规库</title></head><body><h3>示例部 示例总局关于明确增值税有关事项的公告</h3>"
        f"<div id='zoom'>{TEXT}</div><h3 class='tit'>用户登录</h3></body></html>",
        {"title": "示例部 示例总局关于明确增值税有关事项的公告"}),
    "a bold centered title printed over the text's container, the <title> naming the site": (
        "<html><head><title>示例省发展和改革委员会</title></head><body><div class='contText'>"
        "<p style='text-align:center;font-weight:700'>关于印发《示例省电价改革实施方案》的通知(示发改价格〔2025〕480号)</p>"
        f"<div class='body'>{TEXT}</div></div></body></html>",
        {"title": "关于印发《示例省电价改革实施方案》的通知(示发改价格〔2025〕480号)", "body": BODY}),
    "the site's lines under a text: 上一条/下一条, a player's placeholder, an empty 附件, comments, who keeps the page": (
        _page("", TEXT + "<p>视频加载中...</p><p>附件下载：无</p><p>上一条：<a href='/1'>关于做好防汛工作的通知</a></p>"
              "<p>下一条：<a href='/2'>关于开展消防检查的通知</a></p><p>用户评论</p><p>暂无评论</p>"
              "<p>本页面内容由示例县人民政府办公室负责维护</p>"), {"body": BODY}),
    "reading tools over the text: 阅读模式, 语音朗读, 无障碍阅读, 背景色：, A A A, T | T": (
        _page("<h1>关于开展安全检查的通知</h1>", "<p>阅读模式</p><p>语音朗读</p><p>无障碍阅读</p><p>背景色：</p><p>A A A</p>"
              "<p>T | T</p>" + TEXT), {"body": BODY}),
    "short labels without a colon, told by the shape of their values (文号 沪发改…〔2026〕19号, 日期 2024-06-05)": (
        _page("<h2 class='Article-title'><span>关于开展安全检查的通知</span> <small><span>(日期 2024年04月24日</span> "
              "<span>文号 示发改价管〔2026〕19号)</span></small></h2>"),
        {"doc_no": "示发改价管〔2026〕19号", "published_at": "2024-04-24"}),
    "a short label without a colon before words is not read (文号 管理办法)": (
        _page("<ul><li>文号 管理办法另行制定</li></ul>"), {"doc_no": None}),
    "a metadata block of divs over the text: its heading, labels alone with their values under them": (
        _page("<h1>关于开展安全检查的通知</h1>", "<div><div>目录项的基本信息</div><div>公开事项名称:</div>"
              "<div>关于开展安全检查的通知</div><div>公文种类：</div><div>通知</div></div>" + TEXT), {"body": BODY}),
    "a one-paragraph text in an unknown CMS with its 附件 line (a link, no file type) before the signature": (
        "<html><body><div class='nav'>" + "".join(f"<a href='/{i}'>栏目名称{i}</a>" for i in range(10)) + "</div>"
        f"<h1>关于开展安全检查的通知</h1><div class='article'><p>{LONG}</p>"
        "<p>附件：<a href='/att/2'>示例县2024年安全生产大检查工作实施方案及任务分工情况表</a></p>"
        "<p>示例县应急管理局</p><p>2024年6月3日</p></div></body></html>",
        {"written_at": "2024-06-03",
         "body": f"{LONG}\n附件：示例县2024年安全生产大检查工作实施方案及任务分工情况表\n示例县应急管理局\n2024年6月3日"}),
    "an empty value does not swallow the next label": (
        _page("<p>文号： 时效：有效</p>"), {"doc_no": None, "validity": "有效"}),
    "label spellings of other sites: 所属机构, 签发日期, 公布日期, 稿件来源, 文件字号, 所属类别": (
        _page("<table><tr><td>所属机构：</td><td>示例市交通运输局</td><td>文件字号：</td><td>示交〔2024〕3号</td></tr>"
              "<tr><td>签发日期：</td><td>2024年3月4日</td><td>公布日期：</td><td>2024年3月6日</td></tr>"
              "<tr><td>稿件来源：</td><td>示例市交通运输局办公室</td><td>所属类别：</td><td>交通</td></tr></table>"),
        {"publisher": "示例市交通运输局", "doc_no": "示交〔2024〕3号", "written_at": "2024-03-04",
         "published_at": "2024-03-06", "source": "示例市交通运输局办公室", "subject": "交通"}),
    "a registration number is not the 文号; 印发日期 is a 成文日期": (
        _page("<table><tr><td>规范性文件编号</td><td>GZ0320240034</td></tr><tr><td>印发日期</td><td>2024年3月4日</td></tr></table>"),
        {"doc_no": None, "written_at": "2024-03-04"}),
    "a value run into link text": (
        _page("<p>发布机构：上海市财政局 | <a href='#'>查看更多属性</a></p>"), {"publisher": "上海市财政局"}),
    "a source labelled by who supplied it (供稿单位), a publisher by who discloses it (公开机构)": (
        _page("<ul><li>公开机构：示例县交通运输局</li><li>公开日期：2024-06-05</li></ul>"
              "<p>发布时间：2024/06/05&nbsp;&nbsp;供稿单位：县公路管理段&nbsp;&nbsp;阅读次数：35</p>"),
        {"publisher": "示例县交通运输局", "source": "县公路管理段", "published_at": "2024-06-05"}),
    "a trail of bare links, each a folder deeper, seven steps (a catalogue's)": (
        _page("<div><span>" + "".join(f"<a href='{href}'>{step}</a>" for href, step in (
            ("/", "首页"), ("/zwgk/", "政务公开"), ("/zwgk/xxgk/", "信息公开"), ("/zwgk/xxgk/fdzdgk/", "法定主动公开内容"),
            ("/zwgk/xxgk/fdzdgk/jggk/", "结果公开"), ("/zwgk/xxgk/fdzdgk/jggk/tjsj/", "统计数据"),
            ("/zwgk/xxgk/fdzdgk/jggk/tjsj/tjgb/", "统计公报"))) + "</span></div>"),
        {"column": "首页 > 政务公开 > 信息公开 > 法定主动公开内容 > 结果公开 > 统计数据 > 统计公报"}),
    "a footer's address in an element named location is no trail of one step": (
        "<html><head><meta charset='utf-8'></head><body><div><span><a href='/'>首页</a><a href='/zwgk/'>政务公开</a>"
        f"<a href='/zwgk/tzgg/'>通知公告</a></span></div><h1>关于做好道路运输工作的通知</h1><div id='zoom'>{TEXT}</div>"
        "<div class='location_info'><p>示例县人民政府教育督导室<br>通讯地址：示例路171号<br>电话：010-63035130</p></div></body></html>",
        {"column": "首页 > 政务公开 > 通知公告"}),
    "a <title>'s part naming a step of the trail (…决议__2007年第23号国务院公报_中国政府网)": (
        _page("<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/gongbao/'>国务院公报</a> &gt; "
              "<a href='/gongbao/2007/23/'>2007年第23号</a></div>",
              head="<title>全国人民代表大会常务委员会关于批准示例决议的决议__2007年第23号国务院公报_中国政府网</title>"),
        {"title": "全国人民代表大会常务委员会关于批准示例决议的决议"}),
    "a <title> naming the site as a portal, a system or a 三务公开, the title in an h3 (template pages)": (
        "<html><head><meta charset='utf-8'><title>示例旗三务公开</title></head><body><div class='top'><h1>"
        "<img src='/images/logo.png'/><span>示例省科技特派员服务与管理系统</span></h1></div><div class='detail'>"
        f"<h3>示例旗人民政府办公室关于做好道路运输工作的通知</h3><div id='zoom'>{TEXT}</div></div></body></html>",
        {"title": "示例旗人民政府办公室关于做好道路运输工作的通知"}),
    "a <title> naming the column, the h1 a system's banner, the title in an h3": (
        "<html><head><meta charset='utf-8'><title>通知通告</title></head><body><h1><img src='/logo.png'/>"
        "<span>示例省科技特派员服务与管理系统</span></h1><div class='detail'><h3><font>示例省科学技术厅关于开展"
        f"绩效考评工作的通知</font></h3><div id='zoom'>{TEXT}</div></div></body></html>",
        {"title": "示例省科学技术厅关于开展绩效考评工作的通知"}),
    "a trail led in twice (您所在的位置 :当前位置：)": (
        _page("<div class='breaknav'>您所在的位置 :当前位置：<a href='/'>首页</a> &gt; <a href='/list/10'>通知公告</a></div>"),
        {"column": "首页 > 通知公告"}),
    "a headline whose words an editor pasted as a paragraph (<h1><p>…</p></h1>), a hidden print copy after the text": (
        "<html><head><meta charset='utf-8'><title>示例市人民政府门户网站</title></head><body><div class='main'>"
        "<h1 class='title'><p><span>关于做好道路运输工作的通知</span></p></h1><p class='info'>来源：示例市交通运输局</p>"
        f"<div id='zoom'>{TEXT}</div><h1 class='title2' style='display:none'>示例市交通运输局道路运输工作简报</h1></div></body></html>",
        {"title": "关于做好道路运输工作的通知", "body": BODY}),
    "a banner's h1 and a <title> in names no vocabulary lists, the line over the text worded as a title": (
        "<html><head><meta charset='utf-8'><title>示例水库综合管理</title></head><body><h1><img src='/logo.png'/>"
        "示例水库综合管理</h1><div class='nav'><a href='/'>首页</a> <a href='/gk/'>水库概况</a> <a href='/tz/'>通知公告</a></div>"
        "<div class='detail'><h3>示例水库管理处关于加强汛期水域安全管理的通告</h3>"
        f"<p class='info'>日期：2023年06月02日</p><div id='zoom'>{TEXT}</div></div></body></html>",
        {"title": "示例水库管理处关于加强汛期水域安全管理的通告"}),
    "a hidden print copy's h1 after the text is no headline": (
        "<html><head><meta charset='utf-8'><title>关于做好道路运输工作的通知</title></head><body><div class='main'>"
        "<h2>关于做好道路运输工作的通知</h2><p class='info'>来源：示例市交通运输局</p>"
        f"<div id='zoom'>{TEXT}</div><div style='display:none'><h1>关于做好道路运输工作的通知</h1><p>（打印版）</p></div>"
        "</div></body></html>",
        {"title": "关于做好道路运输工作的通知", "body": BODY}),
    "an unknown label naming a number, its value a 文号, among known labels (公文编号, 公文字号)": (
        _page("<table><tr><td>索引号</td><td>11350100MB0000000X/2024-00123</td><td>公文编号</td><td>示交〔2024〕12号</td></tr>"
              "<tr><td>统一编号</td><td>SJT-2024-0012</td><td>发布日期</td><td>2024-06-05</td></tr></table>"),
        {"doc_no": "示交〔2024〕12号", "published_at": "2024-06-05"}),
    "a trail whose steps and separators are blocks of their own, in an element no name marks": (
        _page("<div class='box_a'><h2 onclick=\"location='index.php'\">首页</h2><h3>&gt;</h3>"
              "<h2 onclick=\"location='list.php?id=3'\">政务公开</h2><h3>&gt;</h3>"
              "<h2 onclick=\"location='list.php?id=13'\">通知公告</h2></div>"),
        {"column": "首页 > 政务公开 > 通知公告"}),
    "a trail as a list no name marks, its links each a folder deeper, the current page plain": (
        _page("<div class='main_top'><ul><li><a href='/node2/n29/index.html'>首页</a></li>"
              "<li><a href='/node2/n29/n31/index.html'>政府信息公开</a></li><li>近期信息公开</li></ul></div>"
              "<ul class='menu'><li><a href='/node2/n29/index.html'>首页</a></li><li><a href='/node2/n29/n30/index.html'>"
              "新闻</a></li><li><a href='/node2/n29/n31/index.html'>政府信息公开</a></li><li>English</li></ul>"),
        {"column": "首页 > 政府信息公开 > 近期信息公开"}),
    "a trail of bare links right over the headline, no separator, name or meta (Hanweb's /col/ links)": (
        "<html><body><div class='t'><a href='/'>首页</a><a href='/col/col1/index.html'>机构概况</a>"
        "<a href='/col/col2/index.html'>政务公开</a><a href='/col/col3/index.html'>办事服务</a></div>"
        "<div class='l'><a href='/col/col4/index.html'>通知公告</a><a href='/col/col5/index.html'>政策文件</a></div>"
        "<div class='w'><span><a href='/'>首页</a><a href='/col/col2/index.html'>政务公开</a>"
        "<a href='/col/col4/index.html'>通知公告</a></span></div><h1>示例市关于做好安全生产工作的通知</h1>"
        "<div id='zoom'>" + TEXT + "</div></body></html>",
        {"column": "首页 > 政务公开 > 通知公告", "body": BODY}),
    "a menu from home with other links between it and the headline is no trail": (
        "<html><body><div class='t'><a href='/'>首页</a><a href='/col/col1/index.html'>机构概况</a>"
        "<a href='/col/col2/index.html'>政务公开</a><a href='/col/col3/index.html'>办事服务</a></div>"
        "<div class='l'><a href='/col/col4/index.html'>通知公告</a><a href='/col/col5/index.html'>政策文件</a></div>"
        "<h1>示例市关于做好安全生产工作的通知</h1><div id='zoom'>" + TEXT + "</div></body></html>",
        {"column": None, "body": BODY}),
    "what a player prints for a browser that cannot play it is not text (您的浏览器不支持video标签)": (
        _page("", "<video controls><source src='/v/1.mp4' type='video/mp4'>您的浏览器不支持Video标签。</video>" + TEXT
              + "<audio src='/v/1.mp3'>您的浏览器不支持 audio 元素。</audio>"), {"body": BODY}),
    "a file viewer's hint, a link to the original and the page's last update closing the text are the page's": (
        _page("", TEXT + "<p>如果您的浏览器无法显示PDF文件，请<a href='/f/1.pdf'>点击下载</a></p><p><a href='http://mp.example.com/s/1'>"
              "阅读原文</a></p><p>最后更新：2024-06-05</p>"), {"body": BODY}),
    "a line of the text telling readers what to do when a page will not open stays": (
        _page("", TEXT + "<p>群众如无法正常打开办事页面，可点击“帮助”或拨打12345热线咨询。</p>"),
        {"body": BODY + "\n群众如无法正常打开办事页面，可点击“帮助”或拨打12345热线咨询。"}),
    "a short label in an element of its own run into the value before it, nothing between": (
        _page("<div class='info'><span>来源:示例市应急管理局</span><span>时间:2024-06-05</span></div>",
              TEXT + "<p>会议时间：2024年6月8日上午9时。</p>"),
        {"source": "示例市应急管理局", "published_at": "2024-06-05", "body": BODY + "\n会议时间：2024年6月8日上午9时。"}),
    "a title tagged in brackets before an office's name (【招聘】…监测中心) is a title, not a name": (
        "<html><head><title>示例市人民政府网站</title></head><body><div class='nav'><a href='/'>首页</a></div>"
        "<div>【招聘】示例省农业科学院农产品公共监测中心</div><div>时间:2014-07-08 00:41</div><div class='c'>" + TEXT + "</div></body></html>",
        {"title": "【招聘】示例省农业科学院农产品公共监测中心"}),
    "after the signature, a list of other pages and the site's sentence under it are the site's (wxgongan)": (
        _page("", TEXT + "<p>示例县公安局</p><p>2014年12月10日</p><div>往期回顾</div><ul><li><a href='/a/1.html'>示例县召开安全生产工作会议</a>"
              "</li><li><a href='/a/2.html'>示例县开展防汛应急演练活动</a></li></ul><p>如果您喜欢“示例县公安”，您可以用一点时间，"
              "在您的朋友圈里扩散一下，让正能量在我们手中传递……</p>"),
        {"body": BODY + "\n示例县公安局\n2014年12月10日", "written_at": "2014-12-10"}),
    "a site's name in English after the title in the <title> is no part of it (sist)": (
        "<html><head><title>信息学院务虚会议 - School of Information Science and Technology</title></head><body>"
        "<div class='c'>" + TEXT + "</div></body></html>",
        {"title": "信息学院务虚会议"}),
    "a headline of a person joining a school (…加盟信息学院) is no office's name; the school's names in h1 are (sist)": (
        "<html><head><title>马毅博士加盟信息学院 - School of Information Science and Technology</title></head><body>"
        "<div id='top-logo'><h1 id='university'>示例科技大学</h1><h1 id='school'>信息科学与技术学院</h1></div>"
        "<div id='article'><div id='article-title'><h2>马毅博士加盟信息学院</h2></div><div id='article-content'>" + TEXT
        + "</div></div></body></html>",
        {"title": "马毅博士加盟信息学院", "body": BODY}),
    "a page whose document is only a file, its <title> the site's name: the plain line over the file is the title (pbc)": (
        "<html><head><title>示例市人民政府网站</title></head><body><div class='nav'><a href='/'>首页</a></div><table><tr><td>"
        "<div style='font-size:16px'>2018年三季度金融机构贷款投向统计报告</div><div>2018-10-19 16:00:00</div></td></tr>"
        "<tr><td><div id='zoom'><p>附件：<a href='/f/2018101915120016594.pdf'>2018年三季度金融机构贷款投向统计报告.pdf</a></p>"
        "</div></td></tr></table></body></html>",
        {"title": "2018年三季度金融机构贷款投向统计报告", "body": None}),
    "what the text's element prints before the breadcrumb it holds is the page's: a left column's 简介 (xxpcs)": (
        "<html><head><title>示例县公安局</title></head><body><div id='index-mian'><div class='cont-left'><div class='profile'>"
        "示例县公安局协兴镇派出所成立于1997年，现有警力32人，其中班子成员5人，所有人员按三队一室配置，下设6个警务组，辖区含8个社区。</div>"
        "<div class='thrid-title'>派出所简介</div></div><div class='cont-right'><div class='four-title'><span><a href='/'>首页</a> &gt; "
        "<a href='/list/5'>通知公告</a></span></div><div class='New-title'>协兴派出所关于开展出租房屋和流动人口集中登记工作的通知</div>"
        "<div class='New-Text'>" + TEXT + "</div></div></div></body></html>",
        {"column": "首页 > 通知公告", "body": BODY}),
    "a trail printed under the text, inside its element, takes nothing of the text with it": (
        "<html><head><title>关于做好安全生产工作的通知</title></head><body><h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT
        + "<div class='pos'>当前位置：<a href='/'>首页</a> &gt; <a href='/tz/'>通知公告</a></div></div></body></html>",
        {"column": "首页 > 通知公告", "body": BODY}),
    "a value run into tools in brackets, one after another": (
        _page("<p>信息来源：示例市人防办工程管理处 【<a href='#'>打印本页</a>】【<a href='#'>返回列表</a>】</p>"),
        {"source": "示例市人防办工程管理处"}),
    "a date a template formatted twice (1970-01-01) is no date": (
        _page("<p>发布日期：1970-01-01　来源：示例市公安局</p>"), {"published_at": None, "source": "示例市公安局"}),
    "a side column's prose before the headline, in the region holding the text, is not the text": (
        "<html><head><meta charset='utf-8'><title>示例派出所关于开展出租房屋登记工作的通知 - 通知公告 - 示例派出所</title></head>"
        "<body><div id='main'><div class='cl'>"
        "<div class='profile'>示例市公安局示例镇派出所成立于1997年，现有警力32人，其中班子成员5人，所有人员按三队一室配置，下设6个"
        "警务组，辖区地域面积达16.8平方公里，辖区含8个社区，常住人口约5万人，流动人口约1万人，治安情况总体平稳。</div></div>"
        "<div class='cr'><div class='pos'><a href='/'>首页</a> &gt; <a href='/list/5'>通知公告</a></div>"
        f"<div class='New-title'>示例派出所关于开展出租房屋登记工作的通知</div><div class='New-Text'>{TEXT}</div></div></div>"
        "</body></html>",
        {"title": "示例派出所关于开展出租房屋登记工作的通知", "body": BODY}),
    "a side column's prose before the metadata, inside the CMS's named container, is not the text": (
        "<html><head><meta charset='utf-8'><title>示例市公安局</title></head><body><div id='content'><div class='cl'>"
        "<div class='profile'>示例市公安局示例镇派出所成立于1997年，现有警力32人，其中班子成员5人，所有人员按三队一室配置，下设6个"
        "警务组，辖区地域面积达16.8平方公里，辖区含8个社区，常住人口约5万人，流动人口约1万人，治安情况总体平稳。</div></div>"
        "<div class='show'><div class='info'>信息提供：户政管理大队 发布时间：2015-04-16 09:42:18</div>"
        f"<div class='txt'>{TEXT}</div></div></div></body></html>",
        {"body": BODY}),
    "a right column's prose after the signed text, in the region holding it, is not the text": (
        "<html><head><meta charset='utf-8'><title>关于做好道路运输工作的通知</title></head><body><div class='main'>"
        f"<div class='l'><h1>关于做好道路运输工作的通知</h1><div class='txt'>{TEXT}{TEXT.replace('各单位：', '')}"
        "<p>示例市交通运输局</p><p>2024年6月5日</p></div></div><div class='r'><h3>单位简介</h3><p>示例市交通运输局是市人民政府"
        "工作部门，负责全市公路、水路交通运输行业管理，组织拟订并监督实施全市交通运输发展规划和政策，统筹协调综合交通运输体系建设。</p>"
        "</div></div></body></html>",
        {"body": f"{BODY}\n{BODY.replace('各单位：', '')}\n示例市交通运输局\n2024年6月5日".replace("\n\n", "\n"),
         "written_at": "2024-06-05"}),
    "a sentence of the site's after the text's signature, in the text's element, is not the text": (
        _page("", TEXT + "<p style='text-align:right'>示例县公安局</p><p style='text-align:right'>2014年12月10日</p>"
              "<p><span>如果您喜欢“示例县公安”（微信号：shiligongan），您可以用一点时间，在您的朋友圈里扩散一下……</span></p>"),
        {"body": BODY + "\n示例县公安局\n2014年12月10日", "written_at": "2014-12-10"}),
    "a contact in brackets and the 版记 after the signature are the text's": (
        _page("", TEXT + "<p>示例县公安局</p><p>2014年12月10日</p><p>（联系人：张三，电话：0854-1234567）</p>"),
        {"body": BODY + "\n示例县公安局\n2014年12月10日\n（联系人：张三，电话：0854-1234567）"}),
    "a signature's date in Chinese figures with a zero typed as 0 (二0一二年二月二十九日)": (
        _page("", TEXT + "<p>二0一二年二月二十九日</p>"), {"written_at": "2012-02-29"}),
    "a list of documents led by arrows in an element named as a trail is no trail; the page's one step is": (
        "<html><head><meta charset='utf-8'><title>示例博物馆</title></head><body><div class='row'><div class='col-9'>"
        "<div class='breadcrumb2'><span>馆务公告</span></div><div class='zjshb-nav-detail'><h2>示例博物馆关于春节期间开放安排的公告</h2>"
        f"<div class='article-show'>{TEXT}</div></div></div><div class='col-3'><div class='breadcrumb2'><span>相关文章</span></div>"
        "<ul class='list'><li><a href='/a/156'>&gt; <span>示例博物馆关于春节期间开放安排的公告</span></a></li>"
        "<li><a href='/a/151'>&gt; <span>示例博物馆关于馆内设施维护期间部分展厅暂停开放的公告</span></a></li></ul></div></div></body></html>",
        {"column": "馆务公告", "title": "示例博物馆关于春节期间开放安排的公告", "body": BODY}),
    "a value run into a tool in brackets": (
        _page("<p>信息来源：<span>示例市医疗保障局</span> <span>【<a href='#'>关闭窗口</a>】</span></p>"),
        {"source": "示例市医疗保障局"}),
    "a visible 发布日期 outranks the PubDate meta": (
        _page("<p>发布日期：2018-01-01</p>", head="<meta name='PubDate' content='2021-03-14 11:30'>"),
        {"published_at": "2018-01-01"}),
    "an assistant widget is not the text, though its class matches first": (
        _page("", around="<div class='side'><ul>" + "".join(f"<li><a href='/{n}'>{n}</a></li>" for n in (
                             "政务公开", "办事服务", "互动交流", "走进示例", "政策文件", "通知公告", "人事信息", "财政信息"))
                         + "</ul><div class='article-content'><p>我是智能客服小助手，"
                         "有问题请提问。</p><p>答：您好，请问有什么可以帮您？</p></div></div>"),
        {"body": "\n".join(TEXT.replace("</p>", "").split("<p>")[1:])}),
    "furniture at the text's edges": (
        _page("", "<p>【字号：大 中 小】</p><p>分享订阅</p><p>各单位：现将有关事项通知如下，请认真贯彻落实。</p>"
                  "<p>（责任编辑：张三）</p><p>【打印】【关闭】</p>"),
        {"body": "各单位：现将有关事项通知如下，请认真贯彻落实。"}),
    "a headline cut short everywhere but in its attachment's link title (nfj.nea)": (
        _page("", head="<title>关于印发《示例市道路运输管理办法》（2024</title>",
              around="<h1>关于印发《示例市道路运输管理办法》（2024</h1><p><a href='/f/1.pdf' title="
                     "'关于印发《示例市道路运输管理办法》（2024年版）的通知'>关于印发…</a></p>"),
        {"title": "关于印发《示例市道路运输管理办法》（2024年版）的通知"}),
    "a trail without lead-in or 首页 whose first link is the site's root (kepu)": (
        _page("<div class='t-left'><span><a href='http://www.example.gov.cn/index.html'>示例网</a></span><span>&gt;</span>"
              "<span><a href='http://www.example.gov.cn/politics/index.html'>时政新闻</a></span><span>&gt;</span></div>"),
        {"column": "示例网 > 时政新闻"}),
    "a trail in a class='Position' element, parts led by 》 (jrj.sh)": (
        _page("<div class='Position'><a href='/index.html'>首页</a> <a href='/ZTLM/index.html'>》专题栏目</a> "
              "<a href='/JSGK/index.html'>》建设概况</a></div><div id='hiddenLocation' style='display:none'>"
              "<span id='col1_name'>建设概况</span></div>"),
        {"column": "首页 > 专题栏目 > 建设概况"}),
    "a bare date line between the headline and the text, not the top bar's (kepu)": (
        _page("<div class='top'>2024年6月10日 星期一</div><div class='detail-title'><div>关于做好道路运输工作的通知</div>"
              "<ul><li>来源：示例市交通运输局</li><li>作者：</li><li>2024-06-07 15:56</li></ul></div>",
              head="<title>关于做好道路运输工作的通知</title>"),
        {"published_at": "2024-06-07T15:56"}),
    "a value a script writes after its label, with a fallback (jr.jl)": (
        _page("<div>来源：<script>var laiyuan = \"中国人民银行\"; if(laiyuan == \"\"){document.write(\"示例局\");}"
              "else{document.write(laiyuan);}</script></div><div>发布机构：<script>var fbjg = \"\";"
              "if(fbjg == \"\"){document.write(\"示例市交通运输局\");}else{document.write(fbjg);}</script></div>"),
        {"source": "中国人民银行", "publisher": "示例市交通运输局"}),
    "a news headline led by the title, with its 副题 and 出席 line, is header (kepu)": (
        _page("", "<p><strong>示例市召开交通工作会议强调</strong></p><p><strong>推动交通运输高质量发展</strong></p>"
                  "<p>张三李四出席</p><p>新华社示例6月5日电 示例市5日召开交通工作会议，部署下一阶段工作。</p>",
              head="<title>示例市召开交通工作会议</title>"),
        {"title": "示例市召开交通工作会议", "body": "新华社示例6月5日电 示例市5日召开交通工作会议，部署下一阶段工作。"}),
    "a 令 signed by the mayor (市 长：name) over its date (gz 令)": (
        _page("", "<p>《示例市道路运输管理办法》已经2024年5月8日市政府常务会议通过，现予公布，自2024年7月1日起施行。</p>"
                  "<p>市 长：张三</p><p>2024年5月20日</p>" + "".join(
                  f"<p>第{n}条 为规范道路运输市场秩序，制定本办法。</p>" for n in "一二三四五六七八") +
                  "<p>公开方式：主动公开</p><p>示例市人民政府办公厅 2024年5月24日印发</p>"),
        {"written_at": "2024-05-20"}),
    "a row a template never renders (ms-if comparing two literals) is not read (swj.putian)": (
        _page("<table><tr><td>索引号</td><td>11350100MB0000000X/2024-00123</td></tr>"
              "<tr ms-if=\"'工作情况'=='规范性文件'\"><td>有效性</td><td>有效</td></tr>"
              "<tr v-if=\"'通知'=='通知'\"><td>主题分类</td><td>交通</td></tr></table>"),
        {"index_no": "11350100MB0000000X/2024-00123", "validity": None, "subject": "交通"}),
    "a document that is a table of data beside a menu's prose panels (nfra)": (
        _page("", "", around="<div class='nav-biglist'><div class='panel'><p>" + "依法对示例行业实行统一监督管理，"
              "强化机构监管、行为监管、功能监管、穿透式监管、持续监管，维护示例行业合法、稳健运行。" * 3 + "</p></div></div>"
              ).replace("<div id='zoom'></div>", "<div id='wenzhang-content'><table><tr><td>序号</td><td>当事人名称</td>"
              "<td>行政处罚决定书文号</td><td>主要违法违规行为</td><td>行政处罚内容</td></tr><tr><td>1</td>"
              "<td>示例财产保险股份有限公司示例分公司</td><td>示金罚决字〔2024〕52号</td><td>给予投保人保险合同约定以外的其他利益；"
              "编制或者提供虚假的报告、报表、文件、资料</td><td>罚款56万元</td></tr></table></div>"),
        {"body": "序号 当事人名称 行政处罚决定书文号 主要违法违规行为 行政处罚内容\n1 示例财产保险股份有限公司示例分公司 "
                 "示金罚决字〔2024〕52号 给予投保人保险合同约定以外的其他利益；编制或者提供虚假的报告、报表、文件、资料 罚款56万元"}),
    "a trail in <nav aria-label=breadcrumb>, cells of a table (fzggw.jiangsu)": (
        _page("<nav aria-label='breadcrumb'><table><tr><td><a href='/index.html'>首页</a></td><td> &gt; "
              "<a href='/col/col275/index.html'>要闻动态</a></td><td> &gt; <a href='/col/col284/index.html'>通知公告</a>"
              "</td></tr></table></nav>"),
        {"column": "首页 > 要闻动态 > 通知公告"}),
    "a bare attachment page: a trail led by '| 我的位置:', an empty 来源 beside the date, a viewer hint (pbc)": (
        "<html><head><meta charset='utf-8'><title>示例贷款投向统计报告</title></head><body><table><tr><td><script>document.write(year+'年')</script>"
        " | 我的位置:<a href='/a/index.html'>沟通交流</a> &gt; <a href='/a/b/index.html'>新闻</a></td></tr></table>"
        "<h2>示例贷款投向统计报告</h2><table><tr><td>字号 <a href='#'>大</a> <a href='#'>中</a> <a href='#'>小</a></td>"
        "<td>文章来源：<span id='laiyuan'></span></td><td>2018-10-19 16:00:00</td></tr></table>"
        "<div id='zoom'><p>附件内容为PDF格式，请确认您的计算机系统中已安装了Acrobat Reader软件，否则可能无法打开。</p>"
        "<p><a href='/a/b/2018.pdf'>示例贷款投向统计报告.pdf</a></p></div></body></html>",
        {"column": "沟通交流 > 新闻", "source": None, "published_at": "2018-10-19T16:00:00", "body": None}),
    "a <title> naming the site, the title in an h2 that says so (stats.gov.cn)": (
        _page("<div><span>信息类别</span>数据解读</div>", head="<title>国家统计局信息公开</title>",
              around="<h2>相关链接</h2>").replace(
            "<div id='zoom'>", "<h2 class='xxgkNbXqTitle'>国家统计局工业司统计师解读工业企业利润数据</h2><div id='zoom'>"),
        {"title": "国家统计局工业司统计师解读工业企业利润数据", "subject": "数据解读"}),
    "a value run into the font-size tool beside it (www.nea)": (
        _page("<div class='info'><span>2026-09-09</span> <span>来源：国家能源局</span> <span class='switchsize'>"
              "<b>大</b><b>中</b><b>小</b></span></div>"),
        {"source": "国家能源局"}),
    "主办单位 in a metadata table is the publisher, in the footer the site's owner (www.nea)": (
        _page("<table><tr><td>索引号:</td><td>000019705/2026-000154</td><td>主办单位:</td><td>国家能源局</td></tr>"
              "<tr><td>制发日期:</td><td>2026-09-16</td></tr></table>",
              around="<div class='footer'><p>主办单位：示例市人民政府办公厅 网站标识码：1100000001</p></div>"),
        {"publisher": "国家能源局", "written_at": "2026-09-16"}),
    "主办单位 in the footer only names no publisher (www.gz)": (
        _page("<p>发布日期：2024-06-05</p>",
              around="<div class='footer'><span>示例市人民政府 版权所有</span><span>主办单位：示例市人民政府办公厅</span></div>"),
        {"publisher": None, "published_at": "2024-06-05"}),
    "a 文号 alone in the bar under the headline; 政策主题 (zc.gjzwfw)": (
        _page("", head="<title>示例部等三部门关于修订印发《示例认定管理办法》的通知</title>").replace(
            "<div id='zoom'>", "<div class='title'>示例部等三部门关于修订印发《示例认定管理办法》的通知</div>"
            "<div class='time'><a class='qh_head'><span>政策正文</span></a><span class='sc_fwh'> 示科发火〔2016〕32号</span>"
            "<a href='/o.html'>原文链接</a><span>发布日期：2016-02-01</span></div><div class='tt'><ul>"
            "<li><strong>适用对象：</strong><span>私营企业,国有企业</span></li><li><strong>政策主题：</strong>"
            "<span>市场监管,产业发展</span></li></ul></div><div id='zoom'>"),
        {"doc_no": "示科发火〔2016〕32号", "subject": "市场监管,产业发展", "published_at": "2016-02-01"}),
    "two tail headings joined end the text (www.nea)": (
        _page("", TEXT + "<p><strong>相关政策与解读</strong></p><p><a href='/c.html'>关于印发《示例办法》的通知"
              "(示发〔2026〕582号)</a></p>"),
        {"body": "\n".join(TEXT.replace("</p>", "").split("<p>")[1:])}),
    "labels spaced out to a column's width, no colon; a value broken over lines by <br> (www.mee)": (
        _page("<ul><li><div><span>文\u3000\u3000号</span>环科财〔2026〕51号</div><div><span>分\u3000\u3000类</span>"
              "其他生态环境管理业务信息</div></li><li><div><span>发布机关</span><div>生态环境部<br>科学技术部<br>"
              "中国人民银行</div></div><div><span>生成日期</span>2026-08-27</div></li></ul>"),
        {"doc_no": "环科财〔2026〕51号", "subject": "其他生态环境管理业务信息",
         "publisher": "生态环境部 科学技术部 中国人民银行", "written_at": "2026-08-27"}),
    "a date ahead of the labelled source on the line under the headline (www.cac)": (
        _page("", head="<title>关于做好道路运输工作的通知</title>").replace(
            "<div id='zoom'>", "<h1 class='title'>关于做好道路运输工作的通知</h1><div class='info'><span id='pubtime'>"
            "\n2026年07月29日 18:00\n</span><span id='source'>来源：\n<a href='/'>示例网</a>\n</span></div><div id='zoom'>"),
        {"published_at": "2026-07-29T18:00", "source": "示例网"}),
    "a page tool run into a value after its closing mark (www.moe)": (
        _page("<div class='shuxing'>2025-04-17\u3000来源：《中国教育报》<span class='shoucang'>收藏</span></div>"),
        {"source": "《中国教育报》"}),
    "the web editor's note under the text is not the text; 机构分类 names the publisher (xxgk.mot)": (
        _page("<label>机构分类：</label><div><p>公路局</p></div>", TEXT + "<p>（本文有删减）</p>"),
        {"publisher": "公路局", "body": "\n".join(TEXT.replace("</p>", "").split("<p>")[1:])}),
    "the closing mark of a text reposted from a WeChat account is not the text": (
        _page("", TEXT + "<p style='text-align:center'>—— END ——</p>"),
        {"body": "\n".join(TEXT.replace("</p>", "").split("<p>")[1:])}),
    "a download after its label, named in book-title marks, is a link to a file, no citation (hdj.nea)": (
        _page("", TEXT + "<div> 附件:&nbsp;<a href='/u/2023/12/QAJF0MF.pdf'>《示例电网备用辅助服务市场运营规则》</a></div>"),
        {"body": "\n".join(TEXT.replace("</p>", "").split("<p>")[1:])}),
    "ArticleTitle holding the 副题 printed under the headline (www.moe)": (
        _page("", head="<meta name='ArticleTitle' content='我国教育数字化战略行动实施三年成效综述'>").replace(
            "<div id='zoom'>", "<h1>驶入“新赛道” 跑出“加速度”</h1><h2>——我国教育数字化战略行动实施三年成效综述</h2>"
            "<div id='zoom'>"),
        {"title": "驶入“新赛道” 跑出“加速度”"}),
    "a 文号 line with no office before its year heads the text (www.csrc)": (
        _page("", "<p align='center'><span>〔</span><span>2022〕64号</span></p>" + TEXT),
        {"doc_no": "〔2022〕64号", "body": "\n".join(TEXT.replace("</p>", "").split("<p>")[1:])}),
    "a date cell filled by script from a hidden Unix time (www.csrc)": (
        _page("<table><tr><th>索引号</th><td>40000895X/2022-00001</td><th>发文日期</th><td><input class='fwrq' "
              "type='hidden' value='1645150682000'/><span id='fwrqBox'></span></td></tr></table>"),
        {"index_no": "40000895X/2022-00001", "written_at": "2022-02-18"}),
    "a labelled value with a block inside it (zwgk.mct)": (
        _page("<dl><dt>标　　题：</dt><dd>示例部关于印发《示例建设<div>“十五五”规划》的通知</div></dd>"
              "<dt>发文字号：</dt><dd>示发〔2026〕5号</dd></dl>"),
        {"title": "示例部关于印发《示例建设 “十五五”规划》的通知", "doc_no": "示发〔2026〕5号"}),
    "a trail in an element named 面包屑 in pinyin, no lead-in (zwgk.mct)": (
        _page("<div class='mbx'><a href='https://www.example.gov.cn/'>示例网</a> &gt; 规划计划</div>"),
        {"column": "示例网 > 规划计划"}),
    "a trail from a 首页 link to a plain-text column, in no named element (zwgk.mct)": (
        _page("<div class='top-x'><a href='/index.html'>首页</a> &gt; 规划计划</div>"),
        {"column": "首页 > 规划计划"}),
    "信息所属单位 names the publisher; the catalogue's 内容概述 in a mobile copy of the grid is not the text (www.moa)": (
        "<html><head><meta charset='utf-8'></head><body><div class='nav'><a href='/'>首页</a></div><div class='content'>"
        + "".join(f"<div class='head {k}'><dl><dt>索 引  号</dt><dd>07B080214202600211</dd></dl><dl><dt>信息所属单位</dt>"
                  f"<dd>国际合作司</dd></dl><dl><dt>发布日期</dt><dd>2026年09月02日</dd></dl><dl><dt>内容概述</dt><dd>{SUMMARY}"
                  "</dd></dl></div>" for k in ("mhide", "pchide"))
        + f"<div class='text'><p>{SUMMARY}</p><p>特此公告。</p></div></div></body></html>",
        {"publisher": "国际合作司", "published_at": "2026-09-02", "body": f"{SUMMARY}\n特此公告。"}),
    "an office label nobody listed, among a block's labels, names the publisher (信息所属单位, [制发单位] …)": (
        _page("<div class='head'><dl><dt>索 引 号</dt><dd>07B080214202600211</dd></dl><dl><dt>信息提供单位</dt>"
              "<dd>示例市交通运输局</dd></dl><dl><dt>发布日期</dt><dd>2026年09月02日</dd></dl></div>"),
        {"publisher": "示例市交通运输局"}),
    "an office label is no publisher alone, in a footer or before a salutation": (
        _page("<div><p>编制单位：示例市交通运输局</p></div>", "<p>各有关单位：</p>" + TEXT,
              around="<div class='footer'><p>主管单位：示例市人民政府办公厅</p><p>发布日期：2026-09-02</p></div>"),
        {"publisher": None}),
    "a 公告 number under the headline is the 文号 (fgk.chinatax)": (
        _page("", head="<title>财政部 税务总局关于明确非应税交易等增值税有关事项的公告</title>").replace(
            "<div id='zoom'>", "<h3>财政部 税务总局关于明确非应税交易等增值税有关事项的公告</h3><div class='arctips'>"
            "<h5 class='actfwzh'>财政部 税务总局公告2026年第25号</h5></div><div id='zoom'>"),
        {"doc_no": "财政部税务总局公告2026年第25号"}),
    "a trail of list items floated right prints in reverse; a step in plain text (chinajob.mohrss)": (
        _page("<ul class='list_position fl'><li class='fr ml20 selected'><a href='/ywpd/pxjd/zyxw/'>重要新闻</a></li>"
              "<li class='fr ml20'><a href='/ywpd/pxjd/'>培训鉴定</a></li><li class='fr ml20'>业务频道</li>"
              "<li class='fr'><a href='https://www.example.gov.cn/'>首页</a></li></ul>"),
        {"column": "首页 > 业务频道 > 培训鉴定 > 重要新闻"}),
    "a <title> led by the site's name, the headline in no h1 (www.kaili)": (
        _page("", head="<title>\t\t示例市人民政府-\t\t示例市教育系统2024年公开招聘事业单位工作人员实施方案\t</title>"),
        {"title": "示例市教育系统2024年公开招聘事业单位工作人员实施方案"}),
    "a document that is only a table of records, its last row ending in a date (www.nmpa)": (
        _page("<div class='footer'><table><tr><td>主办单位：示例局</td></tr></table></div>",
              "<table><tr><td>序号</td><td>受理号</td><td>申请单位</td><td>签发日期</td></tr>"
              "<tr><td>1</td><td>CXHS2000009国</td><td>示例药业有限公司</td><td>2020年9月8日</td></tr>"
              "<tr><td>2</td><td>CYHB1903002国</td><td>示例制药有限公司</td><td>2020年9月1日</td></tr></table>"),
        {"body": "序号 受理号 申请单位 签发日期\n1 CXHS2000009国 示例药业有限公司 2020年9月8日\n"
                 "2 CYHB1903002国 示例制药有限公司 2020年9月1日", "written_at": None}),
    "a correspondent's credit under the text, on a line of its own (hbszszj)": (
        _page("", TEXT.replace("五到位。</p>", "五到位。<br>\u3000\u3000（通讯员：廖康）</p>")), {"body": BODY}),
    "a reporter's credit run into the text's last sentence": (
        _page("", TEXT + "<p>检查组充分肯定了我校的消防安全工作，并提出了整改意见。（记者：张三）</p>"),
        {"body": BODY + "\n检查组充分肯定了我校的消防安全工作，并提出了整改意见。"}),
    "the source run into the text's last sentence is read; the sentence stays": (
        _page("", TEXT + "<p>活动取得了圆满成功，受到广大群众的一致好评。（来源：示例县委办）</p>"),
        {"source": "示例县委办", "body": BODY + "\n活动取得了圆满成功，受到广大群众的一致好评。"}),
    "a right column's box of prose under its own heading, after a text that does not sign off, is not the text": (
        "<html><body><div class='wrap'><h1>示例市关于做好安全生产工作的通知</h1><div class='article'>" + TEXT + "</div>"
        "<div class='intro'><h3>领导致辞</h3><p>欢迎您访问示例市人民政府门户网站！示例市位于示例省东南部，山清水秀，人杰地灵，"
        "历史悠久，文化灿烂。我们真诚欢迎各界朋友来示例市投资兴业。</p></div></div></body></html>",
        {"body": BODY}),
    "a right column's headed box printed in the element holding the headline and the text is not the text (ycsyy)": (
        "<html><head><title>喜报：示例市第一人民医院检验科在病例比赛中获一等奖！</title></head><body><div class='article'>"
        "<div class='artitle'>喜报：示例市第一人民医院检验科在病例比赛中获一等奖！</div>"
        "<div class='artinfo'>时间：2024-06-05</div><div class='artcon'>" + TEXT + "</div>"
        "<div><h3>领导致辞</h3><p>欢迎您访问示例市人民政府门户网站！示例市位于示例省东南部，山清水秀，人杰地灵，"
        "历史悠久，文化灿烂。我们真诚欢迎各界朋友来示例市投资兴业。</p></div></div></body></html>",
        {"body": BODY}),
    "a right column's headed box after a short notice under its headline, holding more prose than the notice, is not the text": (
        "<html><body><div class='article_l'><h1>示例市关于做好安全生产工作的通知</h1><div class='c'><p>各单位：现将《示例市安全生产"
        "检查方案》印发给你们，请认真贯彻执行。</p><p>示例市人民政府</p><p>2024年6月5日</p></div>"
        "<div><h3>领导致辞</h3><p>欢迎您访问示例市人民政府门户网站！示例市位于示例省东南部，山清水秀，人杰地灵，历史悠久，文化灿烂。"
        "近年来，我们坚持以人民为中心的发展思想，大力推进经济社会高质量发展。我们真诚欢迎各界朋友来示例市投资兴业。</p></div></div></body></html>",
        {"body": "各单位：现将《示例市安全生产检查方案》印发给你们，请认真贯彻执行。\n示例市人民政府\n2024年6月5日"}),
    "a left column's headed box first in the element holding the text, before its metadata, is not the text (kjt)": (
        "<html><body><div class='main_sub_article'><div><h3>领导致辞</h3><p>欢迎您访问示例市人民政府门户网站！示例市位于示例省"
        "东南部，山清水秀，人杰地灵，历史悠久，文化灿烂。我们真诚欢迎各界朋友来示例市投资兴业。</p></div>"
        "<h3><font style='font-size:24px'>示例市科学技术局关于开展2023年度科技特派员绩效考评工作的通知</font></h3>"
        "<div class='article'>" + TEXT + "</div><div class='other'>发布者：系统管理员 点击数：236 发布时间：2023-04-12 10:20</div>"
        "</div></body></html>",
        {"body": BODY, "published_at": "2023-04-12T10:20"}),
    "a Word export's second section holding only the contacts and the signature is the text's (xdd)": (
        "<html><body><h1>喜德县垃圾填埋场环境影响评价第一次公示</h1><div class='content'><div class='WordSection1'>" + TEXT + "</div>"
        "<div class='WordSection2'><p>电话：7441024</p><p>联系人：张华 电话：13708082832</p><p>电子邮件：<a href='mailto:zh@example.com'>"
        "zh@example.com</a></p><p>喜德县规划和建设局</p><p>2008年12月28日</p></div></div></body></html>",
        {"body": BODY + "\n电话：7441024\n联系人：张华 电话：13708082832\n电子邮件：zh@example.com\n喜德县规划和建设局\n2008年12月28日",
         "written_at": "2008-12-28"}),
    "a part of the text under a heading of its own stays: a numbered section, an annex, a sibling named alike": (
        "<html><body><div class='wrap'><h1>示例市关于做好安全生产工作的通知</h1><div class='part1'>" + TEXT + "</div>"
        "<div class='part2'><h3>三、强化保障</h3><p>各地要加强组织保障，落实经费投入。</p></div>"
        "<div class='fj'><h3>附件</h3><p>示例市安全生产检查表填写说明，请各单位认真填写。</p></div></div></body></html>",
        {"body": BODY + "\n三、强化保障\n各地要加强组织保障，落实经费投入。\n附件\n示例市安全生产检查表填写说明，请各单位认真填写。"}),
    "a <title> adding the column's name after a space to the title printed over the text, no trail to name it": (
        "<html><head><title>市消防救援大队来我校检查消防安全 德育之窗 - 松滋市职业教育中心</title></head><body>"
        "<div class='kpyou'><h2 class='title'>市消防救援大队来我校检查消防安全</h2><p class='time'>2021-01-19</p>"
        "<div class='content'>" + TEXT + "</div></div></body></html>",
        {"title": "市消防救援大队来我校检查消防安全"}),
    "a side box before a headline the <title> names with its column after a space; 上一篇/下一篇 and their links after the text": (
        "<html><head><title>市消防救援大队来我校检查消防安全 德育之窗 - 松滋市职业教育中心</title></head><body>"
        "<div class='kpyou'><div><h3>学校简介</h3><p>松滋市职业教育中心位于松滋市新江口镇，是国家级重点中等职业学校，"
        "学校占地面积三百亩，现有在校学生四千余人，开设专业十二个，办学条件优越，师资力量雄厚，社会声誉良好。</p></div>"
        "<h2 class='title'>市消防救援大队来我校检查消防安全</h2><p class='time'>2021-01-19</p>"
        "<div class='content'><div class='contenta'>" + TEXT + "</div><div class='fanye'><div>上一篇：</div><p>"
        "<a href='/show/301.html'>荆州市青年宣讲团走进松滋市职教中心</a></p><div>下一篇：</div><p>"
        "<a href='/show/299.html'>反诈禁毒治赌告家长书</a></p></div></div></div></body></html>",
        {"title": "市消防救援大队来我校检查消防安全", "body": BODY}),
    "a 来源 naming the CMS login that entered the item is no source (scxd)": (
        _page("<div>发布时间: 2008-12-02 13:45:47 &nbsp; 来源: admin &nbsp; 浏览次数: 12</div>"), {"source": None}),
    "发布人 naming an office is the publisher's last fallback; naming a person, nothing (ycsyy)": (
        _page("<ul class='artinfo'><li>发布人：招标采购中心</li><li>时间：2024-08-26</li></ul>"),
        {"publisher": "招标采购中心", "published_at": "2024-08-26"}),
    "发布人 naming a person is no publisher": (
        _page("<ul class='artinfo'><li>发布人：张三</li><li>时间：2024-08-26</li></ul>"), {"publisher": None}),
    "a title worded as a sentence (喜报：…！) over the metadata inside the text's element (ycsyy)": (
        "<html><head><title>喜报：示例医院检验科在临床实践案例比赛中获一等奖！-示例市第一人民医院</title></head><body>"
        "<div class='article'><div class='artitle'>喜报：示例医院检验科在临床实践案例比赛中获一等奖！</div>"
        "<div class='artinfo'><ul><li>发布人：示例市第一人民医院</li><li>时间：2024-04-16</li></ul></div>"
        "<div class='artcon'>" + TEXT + "</div></div></body></html>",
        {"publisher": "示例市第一人民医院", "published_at": "2024-04-16", "body": BODY}),
    "a left column's headed box before a title broken over lines in the text's first paragraph, no headline marked (gov.cn 公报)": (
        "<html><head><title>全国人民代表大会常务委员会关于批准示例市调整2007　年末债务余额限额的决议__2007年第23号国务院公报_中国政府网"
        "</title></head><body><div class='article'><div><h3>领导致辞</h3><p>欢迎您访问示例市人民政府门户网站！示例市位于示例省东南部，"
        "山清水秀，人杰地灵，历史悠久，文化灿烂。我们真诚欢迎各界朋友来示例市投资兴业。</p></div><div class='pages_content'>"
        "<p align='center'><strong>全国人民代表大会常务委员会<br>关于批准示例市调整<br>2007年末债务余额限额的决议</strong><br>"
        "（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）</p>" + TEXT + "</div></div></body></html>",
        {"body": "（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）\n" + BODY}),
    "a title worded as a sentence broken over two lines over the metadata inside the text's element (ycsyy)": (
        "<html><head><title>喜报：示例医院检验科在临床实践案例比赛中获一等奖！-示例市第一人民医院</title></head><body>"
        "<div class='article'><div class='artitle'>喜报：示例医院检验科在临<br>床实践案例比赛中获一等奖！</div>"
        "<div class='artinfo'><ul><li>发布人：示例市第一人民医院</li><li>时间：2024-04-16</li></ul></div>"
        "<div class='artcon'>" + TEXT + "</div></div></body></html>",
        {"publisher": "示例市第一人民医院", "published_at": "2024-04-16", "body": BODY}),
    "a signature's date in figures under the issuing office's name is the 成文日期 (绍兴一中)": (
        _page("", TEXT + "<p>绍兴一中德育处</p><p>2016.10.27</p>"), {"written_at": "2016-10-27"}),
    "a date in figures closing a text signed by no office is no 成文日期": (
        _page("", TEXT + "<p>2016.10.27</p>"), {"written_at": None}),
    "an imported theme's date in English and its tag link under the headline, its Next post link under the text (jhl-hust)": (
        "<html><body><main><section><h1>示例中心启动仪式隆重举行</h1><div class='post-info'><span>February 13, 2023</span></div>"
        "<div class='tags'><a href='/blog?tag=news'>新闻</a></div></section><section>" + TEXT + "</section>"
        "<section><p>会上，与会代表围绕中心今后的发展方向进行了深入交流，大家一致认为，中心将继续坚持高标准建设，努力取得更好成绩。</p></section>"
        "<section><div class='post-nav'><span>Next post<br><a href='/2023/11/15/opening.html'>示例实验班隆重开班</a></span></div>"
        "</section></main></body></html>",
        {"body": BODY + "\n会上，与会代表围绕中心今后的发展方向进行了深入交流，大家一致认为，中心将继续坚持高标准建设，努力取得更好成绩。",
         "published_at": "2023-02-13"}),
    "a link's words for screen readers only (sr-only: (opens new window)) are no text, nor a trail (pkudh)": (
        _page("", TEXT + "<p>注：示例中心网站：<a href='https://www.example.org/'>www.example.org<span class='sr-only'>(opens new window)"
              "</span></a></p>"),
        {"body": BODY + "\n注：示例中心网站：www.example.org", "column": None}),
    "the column's heading printed before the trail's lead-in, in the trail's element (sz1cz)": (
        _page("<div class='position'><h2>通知公告</h2><span>当前位置：</span><a href='/'>网站首页</a><span>-></span>"
              "<a href='/xwzx.htm'>新闻中心</a><span>-></span><a href='/tzgg.htm'>通知公告</a><span>-></span><span>正文</span></div>"),
        {"column": "网站首页 > 新闻中心 > 通知公告 > 正文"}),
    "博达 VSB's pageTitle meta is the ArticleTitle: the <title>'s first words are the title's, not a column's": (
        _page("", head="<title>惠荫园--程公祠第一进、附房维修工程的成交结果公告-示例市第一初级中学</title>"
              "<meta name='pageTitle' content='惠荫园--程公祠第一进、附房维修工程的成交结果公告'>"),
        {"title": "惠荫园--程公祠第一进、附房维修工程的成交结果公告"}),
    "a <title>'s first words a column's would be are the title's when the line over the text prints them, no trail naming them (sz1cz)": (
        "<html><head><title>惠荫园--程公祠第一进、附房维修工程的成交结果公告-示例市第一初级中学</title></head><body>"
        "<div class='position'>当前位置：<a href='/'>网站首页</a> &gt; <a href='/tzgg.htm'>通知公告</a></div>"
        "<div class='article'><h3>惠荫园--程公祠第一进、附房维修工程的成交结果公告</h3><div class='content'>" + TEXT + "</div></div></body></html>",
        {"title": "惠荫园--程公祠第一进、附房维修工程的成交结果公告"}),
    "the trail printed as a heading of plain words from home, an h5 headline closing on ！ under it, a contacts box's home address (gsc)": (
        "<html><head><title>新闻动态--示例地理学会官网</title></head><body><div class='se_nav'><h3>首页 - 新闻动态</h3></div>"
        "<div class='news'><div class='news_left'><h5>2019年示例人文地理学术年会在重庆成功举行！</h5>"
        "<div class='ly'>发布时间：2019-05-18 来源：示例地理学会</div><div class='detailCon'>" + TEXT + "</div></div>"
        "<div class='news_right'><h4>联系我们</h4><p>地 址：北京市朝阳区大屯路甲11号</p>"
        "<p>主页网址：<a href='http://www.example.org.cn/'>http://www.example.org.cn/</a></p></div></div></body></html>",
        {"column": "首页 > 新闻动态", "title": "2019年示例人文地理学术年会在重庆成功举行！", "body": BODY}),
    "a link printing a web address after its label is no trail, split by its slashes": (
        _page("", around="<div class='contact'><p>主页网址：<a href='http://www.example.org.cn/'>http://www.example.org.cn/</a></p></div>"),
        {"column": None}),
    "a trail of links between bars from home to 正文, the column's heading after it (河南大学人事处, 博达 VSB)": (
        _page("<div class='nei2a'><span><a href='/index.htm'>网站首页</a> | <a href='/bsh.htm'>博士后</a> | "
              "<a href='/bsh/tzgg.htm'>通知公告</a> | 正文</span> 通知公告</div>"),
        {"column": "网站首页 > 博士后 > 通知公告 > 正文"}),
    "a menu's links between bars from home, ending at no 正文, is no trail": (
        _page("<div class='menu'><a href='/index.htm'>网站首页</a> | <a href='/xygk.htm'>学院概况</a> | "
              "<a href='/xwzx.htm'>新闻中心</a> | <a href='/tzgg.htm'>通知公告</a></div>"),
        {"column": None}),
    "a trail's steps joined by a full-width dash and an arrow (－>)": (
        _page("<div>您现在的位置：<a href='/index.htm'>网站首页</a> －&gt; <a href='/zlxz.htm'>资料下载</a> －&gt; "
              "<a href='/xwzl.htm'>学位资料</a></div>"),
        {"column": "网站首页 > 资料下载 > 学位资料"}),
    "a file-only page whose download script's link names the file: the headline over it, the file an attachment (中北大学, VSB)": (
        "<html><head><title>主题班会总结模板-红色太行</title></head><body><table><tr><td class='titlestyle'>主题班会总结模板</td></tr>"
        "<tr><td><span class='timestyle'>2014-12-26 10:15</span></td></tr><tr><td><div id='vsb_content'>&nbsp;</div></td></tr>"
        "<tr><td>附件【<a href='/system/_content/download.jsp?urltype=news.DownloadAttachUrl&amp;wbfileid=230365'><span>"
        "优秀主题班会总结格式.doc</span></a>】</td></tr></table></body></html>",
        {"title": "主题班会总结模板", "published_at": "2014-12-26T10:15",
         "attachments": [{"name": "优秀主题班会总结格式.doc", "url": "http://www.example.gov.cn/system/_content/download.jsp"
                                                              "?urltype=news.DownloadAttachUrl&wbfileid=230365"}]}),
    "the 版记 closing a text: its 主题词 the keywords, staying text; the issuing office's 印发 line its 成文日期 (河南大学)": (
        _page("", TEXT + "<p>主题词：人事 岗位设置 办法 通知</p><p>主办：人事处 督办：校党政办公室</p>"
                         "<p>河南大学党政办公室 2010年11月24日印发</p>"),
        {"keywords": "人事 岗位设置 办法 通知", "written_at": "2010-11-24",
         "body": BODY + "\n主题词：人事 岗位设置 办法 通知\n主办：人事处 督办：校党政办公室\n河南大学党政办公室 2010年11月24日印发"}),
    "a trail of bare links ending at 正文: the column's heading printed after it is no step": (
        _page("<div><span><a href='/'>网站首页</a><a href='/bsh/'>博士后</a><a href='/bsh/tzgg/'>通知公告</a>"
              "<a href='/bsh/tzgg/3084.htm'>正文</a></span> 通知公告</div><h1>关于做好博士后交流项目申报工作的通知</h1>"),
        {"column": "网站首页 > 博士后 > 通知公告 > 正文"}),
    "a trail led in by 当前路径：": (
        _page("<div>当前路径：<a href='/'>首页</a> → <a href='/zwgk/'>政务公开</a> → <span>通知公告</span></div>"),
        {"column": "首页 > 政务公开 > 通知公告"}),
    "a led-in trail ending at 正文, the column's heading printed after it in the same element": (
        _page("<div class='nei2a'><span>当前位置：<a href='/'>网站首页</a> &gt; <a href='/rcz/'>人才政策</a> &gt; "
              "<a href='/rcz/zcfg/'>政策法规</a> &gt; 正文</span> 政策法规</div>"),
        {"column": "网站首页 > 人才政策 > 政策法规 > 正文"}),
    "a trail of bare links ending at 正文, a side menu of links between it and the headline (中北大学, VSB)": (
        "<html><head><title>示例学院工会工作职责-示例学院</title></head><body><div><span><a href='/'>首页</a>"
        "<a href='/dqgz.htm'>党群工作</a><a href='/dqgz/ghgz.htm'>工会工作</a><span>正文</span></span></div>"
        "<div class='left'><ul><li><a href='/dqgz/zzjg.htm'>组织机构</a></li><li><a href='/dqgz/gzzd.htm'>规章制度</a></li>"
        "<li><a href='/dqgz/ghgz.htm'>工会工作</a></li></ul></div><div class='right'><h1>示例学院工会工作职责</h1>"
        "<div class='content'>" + TEXT + "</div></div></body></html>",
        {"column": "首页 > 党群工作 > 工会工作 > 正文"}),
    "a download script's link naming its file in its title attribute is an attachment": (
        _page("", TEXT + "<p>附件：<a href='/DownFile.aspx?fid=12' title='示例表.docx'>示例表</a></p>"),
        {"attachments": [{"name": "示例表", "url": "http://www.example.gov.cn/DownFile.aspx?fid=12"}]}),
    "a left column's headed box in a table layout beside a short notice under metadata, no headline marked": (
        "<html><head><title>示例市应急管理局</title></head><body><table><tr><td class='left'><div><h3>单位简介</h3><p>示例市应急管理局"
        "是市政府工作部门，负责全市应急管理工作，指导各地区各部门应对安全生产类、自然灾害类等突发事件和综合防灾减灾救灾工作，"
        "负责安全生产综合监督管理和工矿商贸行业安全生产监督管理工作。</p></div></td><td class='right'><table>"
        "<tr><td class='bt'>示例市应急管理局关于印发安全生产检查方案的通知</td></tr><tr><td>发布时间：2024-06-05</td></tr>"
        "<tr><td class='content'><p>现将《示例市2024年安全生产检查方案》印发给你们，请认真贯彻执行。</p></td></tr></table></td></tr>"
        "</table></body></html>",
        {"body": "现将《示例市2024年安全生产检查方案》印发给你们，请认真贯彻执行。", "title": "示例市应急管理局关于印发安全生产检查方案的通知"}),
    "labels in spans of their own run into their values with no space between any (a template with its whitespace removed)": (
        _page("<div class='meta'><span>索引号</span><span>11350100MB0000000X/2024-00123</span><span>发布机构</span>"
              "<span>示例市人民政府办公室</span><span>成文日期</span><span>2024-06-03</span></div>"),
        {"index_no": "11350100MB0000000X/2024-00123", "publisher": "示例市人民政府办公室", "written_at": "2024-06-03", "body": BODY}),
    "a 上行文's 文号 with its signer on one line under the title is the header's (示政发〔2024〕12号　签发人：张三)": (
        "<html><body><div class='article'><h1>示例市人民政府关于做好安全生产工作的请示</h1><p>示政发〔2024〕12号　　　　签发人：张三</p>"
        + TEXT + "</div></body></html>",
        {"doc_no": "示政发〔2024〕12号", "body": BODY}),
    "labelled items in elements of their own run into each other, nothing between (a minified template's byline)": (
        _page("<div class='info'><span>来源：示例市教育局</span><span>作者：张三</span><span>发布时间：2024-06-05</span></div>"),
        {"source": "示例市教育局", "published_at": "2024-06-05", "body": BODY}),
    "labels in bold, each value its tail, run into the next label (a minified template's byline)": (
        _page("<div class='info'><b>发布时间：</b>2024-06-05<b>信息来源：</b>示例市教育局<b>作者：</b>张三</div>"),
        {"source": "示例市教育局", "published_at": "2024-06-05", "body": BODY}),
    "labelled items between icons that print nothing (<i class='fa'>), nothing between": (
        _page("<div class='info'><i class='fa fa-home'></i>来源：示例市教育局<i class='fa fa-user'></i>作者：张三"
              "<i class='fa fa-clock'></i>2024-06-05</div>"),
        {"source": "示例市教育局", "published_at": "2024-06-05", "body": BODY}),
    "a labelled phrase in a span inside a sentence is the sentence's: no space is put before it": (
        _page("", TEXT + "<p>请将材料发送至指定邮箱，<span>邮件主题：单位名称+联系人</span>。</p>"),
        {"body": BODY + "\n请将材料发送至指定邮箱，邮件主题：单位名称+联系人。"}),
    "a template's wrapper named menu around its side menu and the text at once holds the text (ccfsys2021, 博达 VSB)": (
        "<html><head><title>线上参会-示例大会</title></head><body><div class='menu'><div class='middle'><ul class='menu_list'>"
        "<li><a href='/1063/1127.htm'>会议注册</a></li><li><a href='/1065/1132.htm'>线上参会</a></li></ul><div class='detail'>"
        "<h2>关于做好安全生产工作的通知</h2><div class='wrap'>" + TEXT + "</div></div></div></div></body></html>",
        {"title": "关于做好安全生产工作的通知", "body": BODY}),
    "博达 VSB's v_news_content is the text's element: a closing line after a box inside it stays (ccfsys2021)": (
        "<html><head><title>关于做好安全生产工作的通知</title></head><body><div class='nav'><a href='/'>首页</a></div>"
        "<h1>关于做好安全生产工作的通知</h1><div id='vsb_content'><div class='v_news_content'><div class='guide'>" + TEXT
        + "</div><p>有问题通过邮箱咨询：office@example.edu.cn</p></div></div></body></html>",
        {"body": BODY + "\n有问题通过邮箱咨询：office@example.edu.cn"}),
    "a site's top menu in <nav>, its items joined by slashes from 主页, is no trail (bmal.hust, 博达 VSB)": (
        "<html><head><title>关于做好安全生产工作的通知</title></head><body><div class='header'><nav class='top-nav'>"
        "<ul class='top-nav'><li><a href='index.htm'>主页</a></li>&nbsp;/<li><a href='kytd.htm'>科研团队</a></li>&nbsp;/"
        "<li><a href='xwyhd.htm'>新闻与活动</a></li>&nbsp;/<li><a href='EN.htm'>EN</a></li></ul></nav></div>"
        "<h3>关于做好安全生产工作的通知</h3><div class='c'>" + TEXT + "</div></body></html>",
        {"column": None, "body": BODY}),
    "a menu's current item named as the position (li.dhdqwz) is no trail; the led-in trail is (qzoiedu, 博达 VSB)": (
        "<html><head><title>关于做好安全生产工作的通知</title></head><body><div class='nav'><ul><li class='dhdqwz'><a href='/'>首页</a></li>"
        "<li><a href='/xxgk.htm'>学校概况</a></li><li><a href='/xwzx.htm'>新闻中心</a></li><li><a href='/jxky.htm'>教学科研</a></li></ul></div>"
        "<div class='wz'>当前位置: <a href='/'>首页</a> &gt; <a href='/tzgg.htm'>通知公告</a> &gt; 正文</div>"
        "<h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div></body></html>",
        {"column": "首页 > 通知公告 > 正文", "body": BODY}),
    "a headline opening on a tag in brackets, a record's number run into its end, its text printing it again bare (jsggzy)": (
        "<html><head><title>示例省公共资源交易网</title></head><body><div class='ewb-bread'><a href='/'>首页</a> &gt; "
        "<a href='/jyxx/'>交易信息</a> &gt; <span><a href='/jyxx/zbgg/'>招标公告/资审公告</a></span></div>"
        "<h2 class='ewb-trade-h'>(市交易中心) 示例地铁1号线通风空调节能控制系统采购集成招标公告308831</h2>"
        "<div class='info'>信息发布时间：2026-05-29 18:51:04 来源：示例云平台</div><div class='ewb-trade-con'>"
        "<p>（市交易中心）示例地铁1号线通风空调节能控制系统采购集成招标公告</p><p>标段编码：NJGD2500410-25HWGH</p>" + TEXT + "</div></body></html>",
        {"title": "(市交易中心) 示例地铁1号线通风空调节能控制系统采购集成招标公告308831", "column": "首页 > 交易信息 > 招标公告/资审公告",
         "body": BODY, "published_at": "2026-05-29T18:51:04"}),
    "a page's only date the 签署时间 over a contract: no publication date, not the template's 页面生成时间 (ggzy)": (
        "<html><head><meta name='others' content='页面生成时间 2024-05-17 14:30:24'><title>全国公共资源交易平台</title></head><body>"
        "<h4>示例县体育中心用车服务采购项目合同</h4><p>签署时间：2026-03-17 00:32 信息来源：示例市公共资源交易网</p>"
        "<table><tr><td>采购人名称</td><td>示例县体育中心</td></tr><tr><td>合同金额</td><td>0元</td></tr>"
        "<tr><td>合同签署时间</td><td>2026-03-17 00:32:09</td></tr></table></body></html>",
        {"written_at": "2026-03-17", "published_at": None}),
    "a date line with a reading counter under the headline (2023-02-10 浏览：356次) is the publication date (xcdds)": (
        "<html><head><title>示例区教育督导室</title></head><body><div class='article_title'><h1>关于开展专项督导检查的通知</h1>"
        "<p>2023-02-10&nbsp;&nbsp;&nbsp;&nbsp;浏览：356次</p></div><div class='article_content'>" + TEXT
        + "<p>示例区人民政府教育督导室</p><p>2023年2月10日</p></div></body></html>",
        {"published_at": "2023-02-10", "written_at": "2023-02-10"}),
    "a signature dated in figures is the 成文日期 and no publication date: the page shows none": (
        "<html><head><title>关于做好安全生产工作的通知</title></head><body><h1>关于做好安全生产工作的通知</h1><div id='zoom'>" + TEXT
        + "<p>示例市人民政府办公室</p><p>2024-06-05</p></div></body></html>",
        {"written_at": "2024-06-05", "published_at": None}),
    "a text that is labelled lines, its first ones short, starts at its first line (hebpr's 中标公告)": (
        "<html><head><title>示例医院装修工程二标段中标公告</title></head><body><h2>示例医院装修工程二标段中标公告</h2>"
        "<div class='bar'>信息时间：2019-10-25 信息来源：示例省公共资源交易中心</div><div class='ewb-con-p'>所属行业：卫生和社会工作/卫生<br>"
        "所属地区：示例省<br>中标人：示例建筑工程有限公司,<br>中标金额：200万元人民币<br>其他说明：本项目为费率报价，中标费率为93%。<br></div>"
        "</body></html>",
        {"body": "所属行业：卫生和社会工作/卫生\n所属地区：示例省\n中标人：示例建筑工程有限公司,\n中标金额：200万元人民币\n其他说明：本项目为费率报价，中标费率为93%。",
         "published_at": "2019-10-25", "source": "示例省公共资源交易中心"}),
    "a trail of bare links side by side, no name saying so, one link naming two columns with a slash (jsggzy)": (
        "<html><head><title>关于做好安全生产工作的通知</title></head><body><div class='bar2'><a href='/'>首页</a>"
        "<a href='/jyxx/'>交易信息</a><a href='/jyxx/jsgc/'>建设工程</a><a href='/jyxx/jsgc/zbgg/'>招标公告/资审公告</a></div>"
        "<h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div></body></html>",
        {"column": "首页 > 交易信息 > 建设工程 > 招标公告/资审公告", "body": BODY}),
    "a newspaper's dateline closing the text has no label: it stays (moe)": (
        _page("", TEXT + "<p>活动取得了圆满成功。（本报北京4月16日电 本报记者 黄璐璐）</p>"),
        {"body": BODY + "\n活动取得了圆满成功。（本报北京4月16日电 本报记者 黄璐璐）"}),
    "a date in words run into the byline's next label (2019年11月27日作者：浏览次数：) is the publication date (cqjtu, dates reprinted)": (
        "<html><head><title>示例大学研究生院</title></head><body><div class='title'>关于优秀考生奖学金提档升级的公示</div>"
        "<div class='time'>2019年11月27日<em>作者：</em>浏览次数：<span>12</span></div><div class='text'>" + TEXT + "</div></body></html>",
        {"title": "关于优秀考生奖学金提档升级的公示", "published_at": "2019-11-27"}),
    "a date in words set in the headline under its words (<h1>…<br><small>2012年8月27日</small>) is the page's, not the title's (dlut, dates reprinted)": (
        "<html><head><title>示例大学</title></head><body><h1>卢湖川教授担任国际期刊副主编<br><small>2012年8月27日</small></h1>"
        "<div class='article'>" + TEXT + "</div></body></html>",
        {"title": "卢湖川教授担任国际期刊副主编", "published_at": "2012-08-27", "body": BODY}),
    "a led-in trail joined by arrows, its last step a name with a slash (招标公告/资审公告) in plain text (jsggzy, trail reprinted)": (
        "<html><head><title>关于做好安全生产工作的通知</title></head><body><div class='ewb-bread'>当前位置：<a href='/'>首页</a> → "
        "<a href='/jyxx/'>交易信息</a> → <span>招标公告/资审公告</span></div>"
        "<h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div></body></html>",
        {"column": "首页 > 交易信息 > 招标公告/资审公告"}),
    "the same joined by spaced slashes: the unspaced one is the name's": (
        "<html><head><title>关于做好安全生产工作的通知</title></head><body><div class='ewb-bread'>当前位置：<a href='/'>首页</a> / "
        "<a href='/jyxx/'>交易信息</a> / <span>招标公告/资审公告</span></div>"
        "<h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div></body></html>",
        {"column": "首页 > 交易信息 > 招标公告/资审公告"}),
    "the same joined by bars after a lead-in": (
        "<html><head><title>关于做好安全生产工作的通知</title></head><body><div class='ewb-bread'>当前位置：<a href='/'>首页</a> | "
        "<a href='/jyxx/'>交易信息</a> | <span>招标公告/资审公告</span></div>"
        "<h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div></body></html>",
        {"column": "首页 > 交易信息 > 招标公告/资审公告"}),
    "a led-in trail of links joined by middle dots, the page's step plain: no dot in the step (trail reprinted)": (
        "<html><head><title>关于做好安全生产工作的通知</title></head><body><div class='wz'>当前位置：<a href='/'>首页</a> · "
        "<a href='/jrdt/'>金融动态</a> · <span>新闻资讯</span></div>"
        "<h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div></body></html>",
        {"column": "首页 > 金融动态 > 新闻资讯"}),
    "the same joined by spaced middle dots, the slash inside a name": (
        "<html><head><title>关于做好安全生产工作的通知</title></head><body><div class='ewb-bread'>当前位置：<a href='/'>首页</a> · "
        "<a href='/jyxx/'>交易信息</a> · <a href='/jyxx/zbgg/'>招标公告/资审公告</a></div>"
        "<h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div></body></html>",
        {"column": "首页 > 交易信息 > 招标公告/资审公告"}),
    "a trail of links ending at the page's plain step, the column's heading after it (·正文 通知公告, henu reprinted)": (
        "<html><head><title>关于做好安全生产工作的通知</title></head><body><div class='wz'>您的位置：<a href='/'>网站首页</a>·"
        "<a href='/bsh/'>博士后</a>·<a href='/bsh/tzgg/'>通知公告</a>·<span>正文</span> <b>通知公告</b></div>"
        "<h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div></body></html>",
        {"column": "网站首页 > 博士后 > 通知公告 > 正文"}),
    "a feed of related news under the text, each item a headline, a teaser cut short by 【详细】 and its time, then 加载更多新闻 (youth.cn)": (
        "<html><body><h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "<p>责任编辑：张毅</p><h3>相关新闻</h3>"
        + "".join(f"<div><a href='/a/{n}.html'>示例市开展第{n}次安全生产大检查</a><p>5月22日，示例市组织各部门开展安全生产大检查，"
                  f"重点检查了城镇燃气、道路运输、建筑施工等行业领域...<a href='/a/{n}.html'>【详细】</a></p>"
                  f"<p>强图打榜 2024-05-2{n} 09:41:17</p></div>" for n in range(1, 4))
        + "<div><a href='#'>加载更多新闻</a></div></div></body></html>",
        {"body": BODY}),
    "a series' tag and the reporters on lines of their own over the text are its header (shjnet, 新华网黑龙江频道)": (
        "<html><body><h2>关于做好安全生产工作的通知</h2><div class='c'><p>【新春走基层】</p><p>光明日报记者 王建宏 张文攀</p>"
        + TEXT + "</div></body></html>",
        {"body": BODY}),
    "the paper's notice against reposting, its contacts, the page's tools and an empty 文档附件 under the text (shjnet)": (
        "<html><body><h2>关于做好安全生产工作的通知</h2><div class='c'>" + TEXT + "<p>《光明日报》（ 2022年02月13日 02版）</p>"
        "<p>（松花江网编辑 孙桂芳）</p><p>反侵权公告：</p><p>根据《中华人民共和国著作权法》等法律法规，未经书面许可，擅自转载本报社作品的，"
        "将涉嫌侵犯著作权人合法权益。本报社郑重公告：</p><p>一、任何单位或个人使用著作权归属于示例日报社的原创内容，必须事先取得书面授权；</p>"
        "<p>二、对于各类非法转载行为，欢迎读者提供侵权线索：</p><p>陈律师（法律顾问）0432-62099222</p>"
        "<p><a href='javascript:print()'>【打印本页】</a></p><p><a href='#'>【关闭窗口】</a></p><p><a href='#'>【复制地址】</a></p>"
        "<p>文档附件</p></div></body></html>",
        {"body": BODY}),
    "a carousel's label over the text (<span class='tj'>图集</span>, xinhuanet)": (
        "<html><body><h1>关于做好安全生产工作的通知</h1><div class='detail'><div class='lb'><span class='tj'>图集</span></div>"
        + TEXT + "</div></body></html>",
        {"body": BODY}),
    "a related headline holding a label's words is no label (<a>2014自媒体关键词：胡扯、软文、自捧</a>, sina)": (
        "<html><body><h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div><ul><li><a href='/b/1.html'>"
        "2014自媒体关键词：胡扯、软文、自捧</a></li><li><a href='/b/2.html'>2013中国科技圈的十个“元年”</a></li></ul></body></html>",
        {"keywords": None}),
    "the page's keyword tags under 关键词阅读：, a related list after them (163)": (
        "<html><body><h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div><div class='ep-keywords'><div>关键词阅读："
        "<span><a href='/keywords/1.html'>证监会</a> <a href='/keywords/2.html'>严厉打击</a></span></div></div><ul><li><span>"
        "<a href='/n/1.html'>证监会“开源节流”：减少IPO 引入长期资金</a></span> <span>2015/07/04</span></li></ul></body></html>",
        {"keywords": "证监会 严厉打击"}),
    "a promotion under the text: 精彩视频推荐 over a player's controls and a video's title; qq's share button and notice of rights": (
        "<html><body><h1>关于做好安全生产工作的通知</h1><div class='c'><p><span>转播到腾讯微博</span></p>" + TEXT
        + "<p><strong>【示例网作品的中文相关权益归示例公司独家所有。未经授权，不得转载、摘编等。】</strong></p>"
        "<p><strong>精彩视频推荐</strong></p><div>自动播放开关</div><div>自动播放</div><p>全民微信时代，用语音功能发60秒是种怎样的体验？</p>"
        "<div>正在加载...</div></div></body></html>",
        {"body": BODY}),
    "credits set off by a bar (出品︱网易科学人栏目组, 作者︱春春), the platform's 声明 and counter, a link back run into the last sentence": (
        "<html><body><h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT.removesuffix("</p>") + "<a href='/'>返回搜狐，查看更多</a></p>"
        "<p>出品︱网易科学人栏目组 胖胖</p><p>作者︱春春</p></div><div class='statement'>平台声明：该文观点仅代表作者本人，"
        "搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。</div><div>阅读 (<em></em>)</div></body></html>",
        {"body": BODY}),
    "a label whose value is no date (发布于：北京市, the account's place) leaves the date line its time (sohu)": (
        "<html><body><h1>关于做好安全生产工作的通知</h1><div class='info'><span class='time'>2023-11-02 20:13</span> "
        "<span>来源: <a href=''>示例政务</a></span><div class='area'><span>发布于：</span><span>北京市</span></div></div>"
        "<div class='c'>" + TEXT + "</div></body></html>",
        {"published_at": "2023-11-02T20:13", "source": "示例政务"}),
    "two links a folder apart with an arrow printed at the second's edge are a trail (chinadaily)": (
        "<html><body><div class='logo'><a href='/'><img src='/l.png'></a></div><div class='da-bre'>"
        "<a href='//www.example.com.cn/5bd5639c'>评论</a> <a href='https://www.example.com.cn/5bd5639c/5bd5669b'> &gt; 海外观察</a></div>"
        "<h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div></body></html>",
        {"column": "评论 > 海外观察"}),
    "a trail no name marks whose home step an image cuts from the rest (首页&gt; <a><img></a>时政频道 > …, gmw)": (
        "<html><body><div class='g-x'><a href='https://www.example.com/'>首页</a><font>&gt; </font><a href='../../'>"
        "<img src='/logo.gif'></a><a href='../../'>时政频道</a><font>&gt; </font><a href='../../node_9844.htm'>要闻</a>"
        "<font>&gt; </font><font>正文</font></div><h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div></body></html>",
        {"column": "首页 > 时政频道 > 要闻 > 正文"}),
    "163's source with its 举报 link beside, its first title in brackets over the text, an aggregator's credit under it": (
        "<html><body><h1>关于做好安全生产工作的通知</h1><div class='post_time_source'>2020-07-04 01:55:04　来源: <a href='http://m.example.cn/'>"
        "央视新闻客户端</a> <a href='http://jubao.example.com/' class='post_jubao'>举报</a></div><div class='post_body'>"
        "<p>（原标题：示例市关于做好安全生产工作的通知）</p>" + TEXT + "<p>文章由创业邦整合自今晚财讯、新京报等</p></div></body></html>",
        {"source": "央视新闻客户端", "body": BODY}),
    "keyword tags side by side with nothing between them are set apart (sina)": (
        "<html><body><h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div><div class='keywords'><label>关键字 : </label>"
        "<a href='/t/1'>美联储</a><a href='/t/2'>特朗普</a><a href='/t/3'>降息</a></div></body></html>",
        {"keywords": "美联储 特朗普 降息"}),
    "a regulation's table of contents opens its text (目录 / 第一章 总则 / …, 人民大学 后勤集团)": (
        "<html><body><h1>示例市安全生产应急预案管理办法</h1><div class='c'><p>目录</p><p>第一章 总则</p><p>第二章 应急预案的编制</p>"
        "<p>第一章 总则</p><p>第一条 为了规范安全生产应急预案管理工作，迅速有效处置生产安全事故，制定本办法。</p>"
        "<p>第二条 本办法自2024年7月1日起施行。</p></div></body></html>",
        {"body": "目录\n第一章 总则\n第二章 应急预案的编制\n第一章 总则\n第一条 为了规范安全生产应急预案管理工作，迅速有效处置生产安全事故，"
                 "制定本办法。\n第二条 本办法自2024年7月1日起施行。"}),
    "a source labelled 来源于： (zsnews), in red type over the text": (
        "<html><body><h1>关于做好安全生产工作的通知</h1><div class='info'><font color='#C30000'>来源于：示例区办事处</font>"
        "</div><div class='c'>" + TEXT + "</div></body></html>",
        {"source": "示例区办事处"}),
    "a sticky top bar printing the title first: the date line under the real headline is read, with its time (china.com.cn)": (
        "<html><head><title>示例市发放一次性育儿津贴</title></head><body><div class='topNav'><h1>示例市对生育二孩的家庭发放一次性育儿津贴</h1>"
        "<div>分享到：</div><div>链接已复制</div><h2>LANGUAGE</h2><ul><li>English</li><li>Français</li><li>Русский</li><li>Español</li>"
        "<li>日本語</li><li>한국어</li><li>Deutsch</li></ul></div><div class='nav'><a href='/'>首页</a></div>"
        "<h1>示例市对生育二孩的家庭发放一次性育儿津贴</h1><div class='inform'><p>2024-05-13 13:48</p><p>来源：示例网</p></div>"
        "<div class='article'>" + TEXT + "</div></body></html>",
        {"published_at": "2024-05-13T13:48", "source": "示例网"}),
    "a date in words with its time run into it (2019年06月15日08:18) keeps the time (people.com.cn)": (
        "<html><head><title>示例网</title></head><body><h1>关于做好安全生产工作的通知</h1><div class='box01'><div class='fl'>"
        "2019年06月15日08:18&nbsp;&nbsp;来源：<a href='/'>示例网-文化频道</a></div></div><div class='rm_txt'>" + TEXT + "</div></body></html>",
        {"published_at": "2019-06-15T08:18", "source": "示例网-文化频道"}),
    "a headline led by its column's tag (图说洛阳| 洛阳职业技术学院：…) is whole, though the <title> and the trail name the column (henandaily)": (
        "<html><head><title>图说洛阳| 洛阳职业技术学院：剪“廉洁窗花” 过廉洁之年 示例日报网</title></head><body>"
        "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/ly/'>洛阳</a></div>"
        "<h1>图说洛阳| 洛阳职业技术学院：剪“廉洁窗花” 过廉洁之年</h1><div class='c'>" + TEXT + "</div></body></html>",
        {"title": "图说洛阳| 洛阳职业技术学院：剪“廉洁窗花” 过廉洁之年"}),
    "a source in its label's own element ends there: an unlabelled author or the site's name beside it is not the source's (southcn, youth.cn)": (
        "<html><head><title>示例网</title></head><body><h1>关于做好安全生产工作的通知</h1><div class='meta'><div class='fl'>"
        "<span>2023-06-15 08:10</span> <span>来源：中国新闻网</span> <span>王帆</span></div></div><div class='c'>" + TEXT + "</div></body></html>",
        {"source": "中国新闻网", "published_at": "2023-06-15T08:10"}),
    "a source run into the date after it with nothing between (来源：人民日报2024-05-13 08:49, gmw)": (
        "<html><head><title>示例网</title></head><body><h1>关于做好安全生产工作的通知</h1><div class='m_tips'>"
        "<span>来源：<a href='/'>人民日报</a></span><span>2024-05-13 08:49</span></div><div class='c'>" + TEXT + "</div></body></html>",
        {"source": "人民日报", "published_at": "2024-05-13T08:49"}),
    "a reposted text's print line, a phone page's fold, a reprint notice and an error-report button end no text (people.com.cn, gmw, kepuchina, xinhuanet)": (
        _page("", TEXT + "<p>《人民日报》（2024年05月10日04版）</p><p>[责编：张倩]</p><p>阅读剩余全文（）</p>"
              "<p>本作品为“示例一点通”原创，转载时务请注明出处。</p><p>+1</p><p>【纠错】 责任编辑： 尹世杰</p>"),
        {"body": BODY}),
    "a survey widget's placeholder over the text is none of it (gmw)": (
        _page("", "<div class='survey'>调查问题加载中，请稍候。若长时间无响应，请刷新本页面</div>" + TEXT), {"body": BODY}),
    "a trail naming only the page (> 正文, the channel's name left empty) gives no column (he.news.cn)": (
        "<html><head><title>示例网</title></head><body><div class='crumb'>当前位置：<a href='/'></a> &gt; 正文</div>"
        "<h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div></body></html>",
        {"column": None, "body": BODY}),
    "a date line in brackets under the headline ([2024-05-13 13:48]) is read as a bare one, its time with it (dates reprinted)": (
        "<html><head><title>示例网</title></head><body><h1>关于做好安全生产工作的通知</h1><div class='info'>[2024-05-13 13:48]</div>"
        "<div class='c'>" + TEXT + "</div></body></html>",
        {"published_at": "2024-05-13T13:48", "title": "关于做好安全生产工作的通知"}),
    "the same in full-width brackets beside the source's name (示例日报 【2024年5月13日】)": (
        "<html><head><title>示例网</title></head><body><h1>关于做好安全生产工作的通知</h1><div class='info'>示例日报网 【2024年5月13日】</div>"
        "<div class='c'>" + TEXT + "</div></body></html>",
        {"published_at": "2024-05-13"}),
    "a bracketed date set in the headline under its words is the page's (<h3>…<br><small>[2012-08-27]</small>)": (
        "<html><head><title>示例大学</title></head><body><div class='page-header'><h3>卢湖川教授担任国际期刊副主编<br>"
        "<small>[2012-08-27]</small></h3></div><blockquote class='article'>" + TEXT + "</blockquote></body></html>",
        {"title": "卢湖川教授担任国际期刊副主编", "published_at": "2012-08-27", "body": BODY}),
    "a headline in a plain block giving its place, then what happened with a 、 in it (呼和浩特：对生育二孩、三孩的…), is the title (china.com.cn, headline a plain block)": (
        "<html><head><title>示例网</title></head><body><div class='m_local'><a href='/'>首页</a>&gt;</div>"
        "<div>呼和浩特：对生育二孩、三孩的呼市户籍家庭发放一次性育儿津贴5000元</div><p>2024-05-13 13:48</p><p>来源：中国网</p>"
        "<div class='article'>" + TEXT + "</div></body></html>",
        {"title": "呼和浩特：对生育二孩、三孩的呼市户籍家庭发放一次性育儿津贴5000元", "published_at": "2024-05-13T13:48"}),
    "the reporters' line under a plain headline (本报记者  王乐文  方  敏) is not the title (people.com.cn, headline a plain block)": (
        "<html><head><title>示例网</title></head><body><div>在新时代中部地区崛起中争先出彩（推动高质量发展·权威发布）</div>"
        "<div class='author'>本报记者  王乐文  方  敏</div><div>2024年05月10日06:58 | 来源：人民网－人民日报</div>"
        "<div class='rm_txt'>" + TEXT + "</div></body></html>",
        {"title": "在新时代中部地区崛起中争先出彩（推动高质量发展·权威发布）", "published_at": "2024-05-10T06:58"}),
    "a whole page printed as lines broken by <br> in one element, its labelled line among them: the element is the text's, only that line is metadata (hsgaj, lines reprinted)": (
        "<html><head><title>示例市公安局治安户政支队</title></head><body><div id='content'><div class='nav'>您当前的位置：<a href='/'>首页</a> &gt; "
        "<a href='/zx/'>专项工作</a> &gt; 正文</div><div class='show'><span>关于开展全市户口登记管理专项整治工作的通知</span><br>"
        "<span>信息提供：户政管理大队 发布时间：2015-04-16 09:42:18 阅读次数：236</span><br>"
        "<span>各县（市）区公安局、开发区分局治安（户政）部门，各派出所：</span><br>"
        "<span>为进一步加强户口登记管理，全面清理整治户口登记中存在的“一人多户”、重复户口、虚假户口等问题，确保人口信息准确、完整、鲜活，"
        "根据省公安厅统一部署，支队决定在全市范围内开展户口登记管理专项整治工作。</span><br>"
        "<span>示例市公安局治安户政支队</span><br><span>2015年4月15日</span><br></div></div></body></html>",
        {"title": "关于开展全市户口登记管理专项整治工作的通知", "published_at": "2015-04-16T09:42:18", "source": "户政管理大队",
         "written_at": "2015-04-15",
         "body": "各县（市）区公安局、开发区分局治安（户政）部门，各派出所：\n为进一步加强户口登记管理，全面清理整治户口登记中存在的“一人多户”、"
                 "重复户口、虚假户口等问题，确保人口信息准确、完整、鲜活，根据省公安厅统一部署，支队决定在全市范围内开展户口登记管理专项整治工作。"
                 "\n示例市公安局治安户政支队\n2015年4月15日"}),
    "a reposted text's first title, and a follow-us line after the text, are the site's (people.com.cn)": (
        _page("", "<p>原标题：春季学期开学，织密返校疫情防控网</p>" + TEXT + "<p>关注公众号：人民网财经</p>"), {"body": BODY}),
    "a Founder page showing no date gives its enpproperty comment's, a paper's issue day without its midnight (chinatibetnews)": (
        "<html><head><title>示例日报</title></head><body><h1>“厕所革命”改善农牧区人居环境</h1><div id='ozoom'>" + TEXT
        + "<!--/enpcontent--><!--enpproperty <articleid>1</articleid><date>2022-02-13 00:00:00:0</date><author></author>"
          "<title>“厕所革命”改善农牧区人居环境</title>/enpproperty--></div></body></html>",
        {"published_at": "2022-02-13"}),
    "the same with a time: the time is kept": (
        "<html><head><title>示例网</title></head><body><h1>关于做好安全生产工作的通知</h1><div id='ozoom'>" + TEXT
        + "<!--enpproperty <articleid>117184963</articleid><date>2024-05-13 13:48:13:671</date>/enpproperty--></div></body></html>",
        {"published_at": "2024-05-13T13:48:13"}),
    "page tools worded any way (打印该页, 关闭此窗口) and a share bar naming 腾讯微博, then a line of tools, end no text (tails probe)": (
        _page("", TEXT + "<p>QQ空间新浪微博腾讯微博微信 更多</p><p>打印该页</p><p>关闭此窗口</p>"), {"body": BODY}),
    "an author's line over the text, empty or not (作者： / 作者：张三), is the site's byline, not the text's first line (heads probe)": (
        _page("", "<p>作者：</p>" + TEXT), {"body": BODY}),
    "the column's name heading the text's box after the headline, the headline alone before it: the box is the text (cjn, column heading)": (
        "<html><head><title>示例网</title></head><body><div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/wh/'>武汉</a></div>"
        "<div class='art'><h1>外媒眼中的武汉长假：蓬勃发展，欢声笑语</h1>"
        "<div class='art-main'><h2>武汉</h2>" + TEXT + "</div></div>"
        "<ul class='img'><li><p>市民过早不慎将钱包遗失，民警排查3小时终追回</p></li></ul></body></html>",
        {"body": BODY}),
    "a trail led in by 您在这里 (you are here)": (
        "<html><head><title>示例网</title></head><body><div class='wz'>您在这里：<a href='/'>首页</a> &gt; <a href='/tzgg/'>通知公告</a></div>"
        "<h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div></body></html>",
        {"column": "首页 > 通知公告"}),
    "a trail in a list named bread, its separators drawn, its first step the paper's name (tywbw)": (
        "<html><head><title>示例晚报</title></head><body><ul class='bread padding-top'><li><a href='/'>太原晚报</a> </li>"
        "<li><a href='/ty/'>太原</a></li><li>正文</li></ul><h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT
        + "</div></body></html>",
        {"column": "太原晚报 > 太原 > 正文"}),
    "a named trail with drawn separators whose last link names two columns with a slash, a hidden copy of it after (jsggzy, trail drawn by CSS)": (
        "<html><head><title>示例网</title></head><body><div class='ewb-bread'><a href='/'>首页</a><a href='/jy/'>交易信息</a>"
        "<span><a href='/jy/zb/'>招标公告/资审公告</a></span></div><div style='display:none'><div class='ewb-bread'><a href='/'>首页</a>"
        "&gt; <a href='/jy/'>交易信息</a>&gt; <span><a>003001001</a></span></div></div>"
        "<h1>关于做好安全生产工作的通知</h1><div class='c'>" + TEXT + "</div><div class='breadbanner'><h2>规章制度</h2></div></body></html>",
        {"column": "首页 > 交易信息 > 招标公告/资审公告"}),
    "the same in an h3 over the text": (
        "<html><head><title>示例大学</title></head><body><div class='page-header'><h3>卢湖川教授担任国际期刊副主编<br>"
        "<small>2012年8月27日</small></h3></div><blockquote class='article'>" + TEXT + "</blockquote></body></html>",
        {"title": "卢湖川教授担任国际期刊副主编", "published_at": "2012-08-27", "body": BODY}),
}


@pytest.mark.parametrize("name", CLASSES)
def test_classes_of_real_pages(name):
    html, expected = CLASSES[name]
    record = extract(html, "http://www.example.gov.cn/a/t20240605_1.html")
    assert {f: getattr(record, f) for f in expected} == expected



SALUTATION = "各区交通运输局、示例市道路运输服务中心、示例交通投资集团有限公司、示例公交集团有限公司、示例港务集团有限公司："


def _one_paragraph_page(around: str) -> str:
    return ("<html><head><meta charset='utf-8'></head><body><div class='nav'><a href='/'>首页</a>"
            "<a href='/zwgk/'>政务公开</a></div><div class='article'><div>"
            f"<p>示交规〔2024〕7号</p><p>{SALUTATION}</p><p>{LONG}</p>{around}</div></div></body></html>")


def test_a_one_paragraph_text_keeps_its_signature_in_sibling_paragraphs():
    """fgw.sh.gov.cn, sdb/jsb.nea.gov.cn: the long paragraph alone scores best, its salutation,
    附件 link and 落款 are paragraphs beside it."""
    page = _one_paragraph_page("<p>附件：<a href='/f/1.docx'>示例市道路运输管理办法（试行）.docx</a></p><p><br></p>"
                               "<p style='text-align:center'>示例市交通运输局</p><p style='text-align:center'>示例市发展和改革委员会</p>"
                               "<p>2024年6月5日</p>")
    record = extract(page, "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.body.splitlines()[0] == SALUTATION
    assert record.body.splitlines()[-3:] == ["示例市交通运输局", "示例市发展和改革委员会", "2024年6月5日"]
    assert record.written_at == "2024-06-05"


def test_tools_over_a_document_that_is_a_table_are_not_its_first_row():
    from pipeline.body import Line
    from pipeline.edges import document_text

    lines = [Line("微信 微博 QQ空间", 10), Line("序号 受理号 申请单位", 0), Line("1 CXHS2000009国 示例药业有限公司", 0)]
    assert document_text(lines, None, table="rows").lines == [line.text for line in lines[1:]]


def test_a_list_of_links_after_a_one_paragraph_text_leaves_its_signature_to_it():
    page = _one_paragraph_page("<p>示例市交通运输局</p><p>2024年6月5日</p><ul><li><a href='/a/1.html'>示例市召开交通工作会议</a></li>"
                               "<li><a href='/a/2.html'>示例市开展道路运输安全检查</a></li></ul>")
    record = extract(page, "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.body.splitlines() == [SALUTATION, LONG, "示例市交通运输局", "2024年6月5日"]


@pytest.mark.parametrize("closing", [
    "<div>政策解读：<a href='/jd/1.html'>一图读懂示例市司法局双随机抽查工作</a></div>",
    "<div>上一篇：<a href='/a/1.html'>示例市召开安全生产工作会议</a></div><div>下一篇：<a href='/a/2.html'>示例市开展防汛应急演练活动</a></div>"])
def test_a_one_paragraph_texts_lone_reading_link_or_neighbours_leave_its_table_and_signature_to_it(closing):
    """A notice of one paragraph, a table of names and a signature, then one link to its 解读 or
    the page's 上一篇/下一篇 in the same element: the paragraph alone is not the text."""
    rows = "".join(f"<tr><td><p>{i}</p></td><td><p>律师事务所</p></td><td><p>示例第{i}律师事务所</p></td></tr>" for i in (1, 2, 3))
    text = ("<p>根据《示例市司法局关于开展2025年度“双随机、一公开”抽查工作的通知》，我局随机抽取了2025年下半年监管对象，现将抽查对象名单向社会公示。</p>"
            f"<p><strong>示例市司法局2025年下半年双随机抽查对象名单</strong></p><table><tr><td>序号</td><td>组别</td><td>对象名称</td></tr>{rows}</table>"
            f"<p style='text-align:right'>示例市司法局</p><p style='text-align:right'>2025年9月19日</p>{closing}")
    page = (f"<html><body><div class='nav'><a href='/'>首页</a></div><h1>示例市司法局2025年下半年抽查名单公示</h1>"
            f"<div class='box1'><div>{text}</div></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/1.html")
    assert record.body.startswith("根据《示例市司法局") and record.body.endswith("示例市司法局\n2025年9月19日")
    assert record.written_at == "2025-09-19"


def test_a_list_of_links_closing_a_short_text_does_not_narrow_it_to_its_paragraph():
    """A short text (a sentence, a table of figures, a signature) weighs little: the links of a
    list closing its element (往期回顾) are cut from its tail, not counted against it."""
    rows = "".join(f"<tr><td>{i}</td><td>示例公司负责人{i}</td><td>{i * 10}.5万元</td></tr>" for i in range(1, 4))
    page = ("<html><head><meta charset='utf-8'></head><body><div class='nav'><a href='/'>首页</a></div><div class='box'>"
            "<p>根据有关规定，现对示例集团有限公司负责人2025年度薪酬信息进行披露。</p>"
            f"<table><tr><td>序号</td><td>姓名</td><td>薪酬</td></tr>{rows}</table><p>示例市人事局</p><p>2026年9月16日</p>"
            "<div>往期回顾</div><ul><li><a href='/a/1.html'>示例市召开安全生产工作会议</a></li>"
            "<li><a href='/a/2.html'>示例市开展防汛应急演练活动</a></li><li><a href='/a/3.html'>示例市发布夏季用电安全提示</a></li>"
            "</ul></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t20260916_1.html")
    assert record.body.splitlines()[-2:] == ["示例市人事局", "2026年9月16日"] and record.written_at == "2026-09-16"
    assert record.body.splitlines()[1] == "序号 姓名 薪酬"


def test_a_tool_beside_a_one_paragraph_text_leaves_its_signature_to_it():
    page = _one_paragraph_page("<p>示例市交通运输局</p><p>2024年6月5日</p><p><a href='javascript:window.print()'>【打印】</a></p>")
    record = extract(page, "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.body.splitlines() == [SALUTATION, LONG, "示例市交通运输局", "2024年6月5日"]


def test_links_beside_a_one_paragraph_text_are_not_its_signature():
    page = _one_paragraph_page("<p><a href='/a/2.html'>示例市召开交通工作会议</a></p><p>示例市交通运输局</p>"
                               "<p>2024年6月1日</p>")
    record = extract(page, "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.body == LONG and record.written_at is None


def test_attachment_opened_by_script_and_named_by_its_second_link():
    """A link whose href is script names its file in onclick; an icon linking to a file
    before its named link leaves the name to that link."""
    page = _page("", TEXT + "<p><a href='javascript:void(0)' onclick=\"download('/u/rules.pdf')\">附件1.pdf</a></p>"
                 "<p><a href='/u/form.docx'><img src='doc.gif'></a><a href='/u/form.docx'>申请表</a></p>")
    record = extract(page, "http://x.gov.cn/a/t20240605_1.html")
    assert record.attachments == [{"name": "附件1.pdf", "url": "http://x.gov.cn/u/rules.pdf"},
                                  {"name": "申请表", "url": "http://x.gov.cn/u/form.docx"}]


def test_a_page_stylesheet_hides_by_the_cascade():
    """The most specific selector decides, then the later rule; @media rules (a phone's layout)
    and selectors cssselect cannot read are left alone."""
    from pipeline.extract import parse_html
    from pipeline.stylesheet import hide_styled

    tree = parse_html("<html><head><style>#box .v{display:none} .v{display:block} .w{display:none} .w{display:inline}"
                      "p.x:hover{display:none} @media print{.y{display:none}} .z{visibility:hidden}</style></head>"
                      "<body><div id='box'><span class='v'>a</span><span class='w'>b</span><p class='x'>c</p>"
                      "<span class='y'>d</span><span class='z'>e</span></div></body></html>")
    hide_styled(tree)
    assert {el.text: el.get("hidden") is not None for el in tree.iter("span", "p")} == {
        "a": True, "b": False, "c": False, "d": False, "e": True}


# One value of each field, read under every label spelling the vocabulary lists
VALUES = {"index_no": "11350100MB0000000X/2024-00123", "publisher": "示例市交通运输局", "doc_no": "示交〔2024〕12号",
          "written_at": "2024-06-05", "published_at": "2024-06-07", "subject": "交通运输", "validity": "有效",
          "source": "示例市交通运输局", "keywords": "交通 安全", "title": "关于开展2024年安全生产检查的通知"}
LAYOUTS = ("<table><tr><td>{label}</td><td>{value}</td></tr><tr><td>备注</td><td>无</td></tr></table>",
           "<table><tr><td>{label}：</td><td>{value}</td></tr><tr><td>备注：</td><td>无</td></tr></table>",
           "<p>{label}：{value}　　备注：无</p>",
           "<ul><li><span>{label}：</span><span>{value}</span></li><li><span>备注：</span><span>无</span></li></ul>",
           "<dl><dt>{label}</dt><dd>{value}</dd><dt>备注</dt><dd>无</dd></dl>")


@pytest.mark.parametrize("field,label", [(f, label) for f, labels in FIELD_LABELS.items() if f in VALUES for label in labels])
def test_every_label_spelling_reads_in_every_layout(field, label):
    for layout in LAYOUTS:
        record = extract(_page(layout.format(label=label, value=VALUES[field])), "http://www.example.gov.cn/a/t20240605_1.html")
        assert (getattr(record, field) or "").startswith(VALUES[field]), layout


@pytest.mark.parametrize("line", ["（来源：新华社）", "本文来源：人民日报", "网站编辑：张三", "浏览次数：123次", "更新时间：2024-06-05",
                                  "分享让更多人看到", "二维码", "【责任编辑：张三】", "责任编辑：张三 校对：李四", "【打印本页】【关闭窗口】【返回顶部】",
                                  "【推荐】【打印】【关闭】", "〖打印本页〗〖关闭窗口〗", ">> 打印本页", "【发表评论】【打印此文】【关闭窗口】",
                                  "【内容纠错】", "【我要分享】 【双击滚屏】 【TOP】", "文章字体：大 中 小", "保护视力色：",
                                  "更多>>", "本页链接：http://www.example.gov.cn/a/1.html", "（本文转载自示例日报）", "扫码在手机上查看",
                                  "相关附件：无", "本文已被浏览 123 次"])
def test_the_sites_notes_under_the_text_are_not_the_text(line):
    assert extract(_page("", TEXT + f"<p>{line}</p>"), "http://www.example.gov.cn/a/t20240605_1.html").body == BODY


@pytest.mark.parametrize("line", ["（此件公开发布）", "公开方式：主动公开", "（此件主动公开）"])
def test_the_documents_own_closing_lines_stay(line):
    assert extract(_page("", TEXT + f"<p>{line}</p>"), "http://www.example.gov.cn/a/t20240605_1.html").body == BODY + "\n" + line


SHORT_TEXT = ("现将《示例县2024年安全生产检查工作方案》予以公布，请各单位结合实际认真贯彻执行，执行中遇到的问题请及时向县应急管理局反馈。"
              "各乡镇要加强组织领导，明确责任分工，确保检查工作取得实效，切实维护人民群众生命财产安全。")
WELCOME = ("欢迎您访问示例县人民政府门户网站！示例县位于示例省东南部，山清水秀，人杰地灵，历史悠久，文化灿烂。近年来，我们坚持以人民为中心的"
           "发展思想，大力推进经济社会高质量发展。我们真诚欢迎各界朋友来示例县投资兴业、观光旅游，共享发展机遇，共创美好未来。")


NEWS = ("<p>示例市现已开通省内及跨省异地就医住院、普通门诊费用直接结算，已办理相应异地就医备案的参保人在就医地直接结算，"
        "无需个人垫付。</p><p>参保人可通过“穗好办”平台在线办理异地就医备案，全程网办，即时生效。</p>")


@pytest.mark.parametrize("inside", [True, False])
def test_a_news_title_in_a_plain_block_over_its_byline(inside):
    """A <title> naming only the site, and a title worded as news (…快速办理！) in a block with
    no heading tag and no class, over its byline (听全文, a date, 来源：…), inside the text's
    container or above it: the line over a dated byline is the title, and not the body's."""
    title = "无需个人垫付！示例市异地就医备案，上“穗好办”快速办理！"
    head = f"<div>{title}</div><ul><li>听全文</li><li>2023-12-14</li><li>来源：示例市医疗保障局</li></ul>"
    text = f"<div class='c'>{head}{NEWS}</div>" if inside else f"{head}<div class='c'>{NEWS}</div>"
    page = f"<html><head><meta charset='utf-8'><title>示例市人民政府网站</title></head><body>{text}</body></html>"
    record = extract(page, "http://www.example.gov.cn/a/t20231214_1.html")
    assert record.title == title and record.body.startswith("示例市现已开通")


def test_a_metadata_block_printed_as_one_line_is_not_prose():
    """The metadata block as one line of labelled values (索引号：… 文号：… 内容概述：物业管理；监管),
    its punctuation a value's: it weighs as no prose, so the text's container is not widened to
    hold it with the page's tools between them."""
    line = ("索引号：PT06100-0000-2022-00039　文号：示管政复〔2022〕6号　发布机构：示例度假区管委会　"
            "生成日期：2022-05-09　内容概述：物业管理；监管；服务")
    page = ("<html><head><meta charset='utf-8'><title>关于市八届人大一次会议第0152号建议的答复</title></head><body>"
            f"<div class='w'><div>{line}</div><div class='nr'><h2>关于市八届人大一次会议第0152号建议的答复</h2>"
            "<div class='fx'><a href='#'>|</a> <a href='#'>|</a> <a href='#'>收藏</a> 政策解读:</div>"
            f"<div class='zoom'>{TEXT}</div><div class='tools'>扫一扫在手机打开当前页 收藏 打印 关闭</div></div></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t20220509_1.html")
    assert (record.index_no, record.doc_no, record.body) == ("PT06100-0000-2022-00039", "示管政复〔2022〕6号", BODY)


def test_a_contacts_name_and_a_source_under_a_text_in_one_cell_leave_the_text_whole():
    """A notice whose lines a cell breaks by <br>, closing with its contacts (名称：示例公司) and a
    source line: under the text 名称 names a contact, not the title, so the two are no metadata
    block, and the cell holding them is the text's own: it stays the body."""
    title = "示例县信息中心电脑采购项目中标公告"
    cell = ("一、项目名称：示例县信息中心电脑采购项目<br>二、中标信息<br>供应商：示例商贸有限公司，中标金额：4780.00元。<br>"
            "三、公告期限<br>自本公告发布之日起1个工作日。<br>四、联系方式<br>名称：<span>示例县文化广电局</span><br>"
            "电话：<span>0314-7566207</span><br><p>文章来源：示例县政府采购中心</p>")
    page = (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><table><tr><td><b>{title}</b></td></tr>"
            f"<tr><td>发布时间：2021-10-11</td></tr><tr><td>{cell}</td></tr></table></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t20211011_1.html")
    assert record.title == title and record.source == "示例县政府采购中心"
    assert record.body.startswith("一、项目名称：") and "自本公告发布之日起1个工作日。" in record.body


PREV_NEXT = ("<div>上一篇：<a href='/a/1.html'>示例市召开安全生产工作会议</a></div>"
             "<div>下一篇：<a href='/a/2.html'>示例市开展防汛应急演练</a></div>")


def test_a_one_paragraph_text_keeps_its_salutation_and_signature_over_previous_and_next_links():
    """One long paragraph between its salutation and its signature, then the page's 上一篇 and
    下一篇 (one link an element), an empty 相关附件： and a linked 相关导读: heading: the links are
    the site's, the salutation and signature the text's."""
    page = ("<html><head><meta charset='utf-8'><title>示例市交通运输局</title></head><body><h1>关于开展安全检查的通知</h1>"
            f"<div class='c'><p>各单位：</p><p>{LONG * 3}</p><p>示例市交通运输局</p><p>2024年6月5日</p>"
            f"{PREV_NEXT}<div>相关附件：</div><div><a href='/list/'>相关导读:</a></div></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.body.startswith("各单位：\n为规范") and record.body.endswith("示例市交通运输局\n2024年6月5日")


def test_links_closing_the_texts_own_element_do_not_widen_it_to_the_pages_header():
    """The text's element ends with a list of other pages (往期回顾); its parent adds only the
    page's header (a title worded as news, the page's share tools). Those links are weighed with
    the element: they do not make its parent, header and all, the container."""
    page = ("<html><head><meta charset='utf-8'><title>示例市人民政府</title></head><body><div class='article'>"
            "<div class='t'>无需垫付！示例市异地就医备案，快速办理！</div><div class='info'><p><a href='#'>分享到微信朋友圈</a></p>"
            "<p><a href='#'>分享到新浪微博</a></p><p><a href='#'>分享到QQ空间</a></p></div>"
            f"<div class='c'>{TEXT}<div>往期回顾</div><ul><li><a href='/a/1.html'>示例市召开安全生产工作会议</a></li>"
            "<li><a href='/a/2.html'>示例市开展防汛应急演练活动</a></li></ul></div></div></body></html>")
    tree = parse_html(page)
    assert find_container(blocks(tree.body)).get("class") == "c"


@pytest.mark.parametrize("closing,kept", [
    ("<p>附件：示例市2024年安全生产大检查工作方案</p>", "附件：示例市2024年安全生产大检查工作方案"),
    ("<p>附件：《示例部关于印发〈示例市坚强局部电网规划建设实施方案〉的通知》（示发〔2020〕40号）</p>",
     "附件：《示例部关于印发〈示例市坚强局部电网规划建设实施方案〉的通知》（示发〔2020〕40号）"),
    ("<p>特此公告。</p>", "特此公告。"),
    ("<p>附件：</p><p><a href='/u/1.pdf'>1.示例市养老保险待遇领取资格认证操作指引.pdf</a></p>"
     "<p><a href='/u/2.xlsx'>2.示例市社保服务银行网点.xlsx</a></p><p><a href='/u/3.xlsx'>3.示例市社保经办机构服务大厅名单.xlsx</a></p>",
     "附件：\n1.示例市养老保险待遇领取资格认证操作指引.pdf\n2.示例市社保服务银行网点.xlsx\n3.示例市社保经办机构服务大厅名单.xlsx")])
@pytest.mark.parametrize("tools", ["", "<p><a href='javascript:print()'>【打印】</a> <a href='#'>【关闭窗口】</a></p>"
                                       "<p><a href='/zcjd/'>相关导读:</a></p>"])
def test_a_word_exports_second_section_holding_the_signature_is_the_texts(closing, kept, tools):
    """A Word export splits the text into sections: the second holds only its closing lines (a
    附件 line, however long its title; links to its files; 特此公告。) and its signature, the page's
    tools at most.
    Those lines close the text; the element holding both sections is its container."""
    page = ("<html><head><meta charset='utf-8'><title>示例市交通运输局</title></head><body><h1>关于开展安全检查的通知</h1>"
            f"<div class='c'><div class='WordSection1'>{TEXT}</div><div class='WordSection2'>{closing}"
            f"<p>示例市交通运输局</p><p>示例市应急管理局</p><p>2024年6月5日</p>{tools}</div></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.body == BODY + f"\n{kept}\n示例市交通运输局\n示例市应急管理局\n2024年6月5日"
    assert record.written_at == "2024-06-05"


@pytest.mark.parametrize("heading", ["附件", "附件1", "附 件"])
def test_a_word_exports_second_section_holding_the_texts_annex_is_the_texts(heading):
    """A Word export's second section holds the text's 附件 (its heading alone, its title, a table
    of data): no prose, yet the annex the text names is the document's, with the text's file
    after it. A 附件： heading over links alone is a download list, not an annex."""
    rows = "".join(f"<tr><td>{i}</td><td>示例市第{i}粮食储备库</td><td>1</td><td>事业</td></tr>" for i in (1, 2, 3))
    page = ("<html><head><meta charset='utf-8'><title>示例市人民政府</title></head><body><h1>关于下达安置任务的通知</h1>"
            f"<div class='c'><div class='WordSection1'>{TEXT}<p>附件：2024年安置任务</p><p>示例市人民政府</p>"
            f"<p>2024年6月5日</p></div><div class='WordSection2'><p>{heading}</p><p>2024年安置任务</p>"
            f"<table><tr><td>序号</td><td>安置单位名称</td><td>安置任务</td><td>岗位类别</td></tr>{rows}</table>"
            "<p><a href='/u/1.pdf'>关于下达安置任务的通知.pdf</a></p></div></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.body.startswith(BODY + "\n附件：2024年安置任务\n示例市人民政府\n2024年6月5日\n" + heading)
    assert record.body.endswith("3 示例市第3粮食储备库 1 事业") and record.written_at == "2024-06-05"
    download = re.sub(r"<p>附[^<：]*</p><p>2024年安置任务</p><table>.*</table>", "<p>附件：</p>", page)
    assert extract(download, "http://www.example.gov.cn/a/t20240605_1.html").body.endswith("2024年6月5日")


def test_a_list_of_other_pages_between_a_text_and_its_files_leaves_the_signature_to_the_text():
    """A one-paragraph text, its signature, the page's 相关稿件 list, then the text's own 附件
    file: the files after the list do not hide it, so the salutation and signature stay the
    text's."""
    page = ("<html><head><meta charset='utf-8'><title>示例市交通运输局</title></head><body><h1>关于开展安全检查的通知</h1>"
            f"<div class='c'><p>各单位：</p><p>{LONG * 3}</p><p>示例市交通运输局</p><p>2024年6月5日</p>"
            "<div><b>相关稿件</b></div><div><a href='/a/9.html'>示例市召开全市安全生产工作会议暨安委会全体会议</a></div>"
            "<div><a href='/a/8.html'>示例市部署开展城镇燃气安全专项整治</a></div>"
            "<p><a href='/u/1.doc'>示例市道路运输管理办法.doc</a></p></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.body.startswith("各单位：\n为规范") and record.body.endswith("示例市交通运输局\n2024年6月5日")


@pytest.mark.parametrize("last", ["七、其它补充事宜", "23777"])
def test_a_texts_last_section_heading_or_figure_over_links_is_the_texts(last):
    """A short last line over the page's 上一篇/下一篇 (a notice's empty last section, a table's
    total) is no heading of that list: it stays the text's."""
    record = extract(_page("<h1>关于开展安全检查的通知</h1>", TEXT + f"<p>{last}</p>{PREV_NEXT}"),
                     "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.body == BODY + "\n" + last


FULL_TITLE = "关于转发《发电企业与电网企业电费结算办法》的通知"


@pytest.mark.parametrize("title,titled", [("1-10月示例县固定资产投资结构趋稳趋优", True), (FULL_TITLE, False)])
def test_a_pages_title_naming_only_the_column_gives_way_to_a_title_block_or_the_texts_head(title, titled):
    """<title>通知公告_示例市人民政府</title>, no h1: the title is a block whose class says title,
    even one not worded as a document's, or else the title the text prints at its head."""
    block, text = ((f"<p class='con-title'>{title}</p><div class='small-title'><span>发布日期：2016-11-22</span>"
                    "<span>浏览次数： </span><span>信息来源：示例县发改局</span></div>", TEXT)
                   if titled else ("", f"<p align='center'>{title}</p>" + TEXT))
    page = (f"<html><head><meta charset='utf-8'><title>通知公告_示例市人民政府</title></head><body>{block}"
            f"<div class='c'>{text}</div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t20240605_1.html")
    assert (record.title, record.body) == (title, BODY)


def test_a_real_pages_title_naming_only_the_column_gives_way_to_its_title_block():
    """A real page (fgw.zj, Hanweb) whose <title> names only a column (通知公告) and the site: the title is
    its block whose class says title (p.con-title), though not worded as a document's."""
    html = (FIXTURES / "corpus" / "zhejiang-fgw_hanweb_detail_1.html").read_bytes().decode("utf-8")
    html = re.sub(r"<title>.*?</title>", "<title>通知公告_浙江省发展和改革委员会</title>", html, flags=re.S)
    html = re.sub(r"<meta[^>]*ArticleTitle[^>]*>", "", html, flags=re.I)
    assert extract(html, "https://fgw.zj.gov.cn/art/2016/11/22/art_1621004_30332664.html").title == "1-10月德清县固定资产投资结构趋稳趋优"


@pytest.mark.parametrize("headline", [f"<h1>{FULL_TITLE}</h1>", f"<div class='tt'>{FULL_TITLE}</div>"])
def test_an_article_title_meta_naming_the_column_gives_way_to_the_pages_own_title(headline):
    """<meta name="ArticleTitle" content="通知公告">, a template's slip: the title the page prints
    over its text (an h1, or a plain line) is the title."""
    page = ("<html><head><meta charset='utf-8'><meta name='ArticleTitle' content='通知公告'><title>示例市人民政府</title>"
            f"</head><body>{headline}<div class='c'>{TEXT}</div></body></html>")
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").title == FULL_TITLE


@pytest.mark.parametrize("where", ["block", "link"])
def test_a_title_cut_short_in_the_pages_title_is_read_whole_elsewhere(where):
    """A page whose document is only its 附件 has no text to find the title over: a <title> cut
    short (…电费...) is completed from a block whose class says title, or from its 附件 link's
    title, which names the file (….pdf) and not the title."""
    head = (f"<div class='detail_title'>{FULL_TITLE}</div>" if where == "block" else "")
    page = (f"<html><head><meta charset='utf-8'><title>{FULL_TITLE[:16]}...</title></head><body>{head}"
            f"<div class='c'><p><a href='/u/1.pdf' title='{FULL_TITLE}.pdf'>附件下载</a></p></div></body></html>")
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").title == FULL_TITLE


@pytest.mark.parametrize("page_title,text", [
    (f"通知公告 - {FULL_TITLE} - 示例市人民政府", "<div class='c'><p><a href='/u/1.pdf'>附件下载.pdf</a></p></div>"),
    (f"通知公告 - {FULL_TITLE}", f"<div class='tt'>{FULL_TITLE}</div><div class='c'>{TEXT}</div>")])
def test_a_column_before_the_title_in_the_pages_title_is_no_part_of_it(page_title, text):
    """A <title> printing the column before the title (通知公告 - 关于…的通知), the site after it or
    the title printed over the text: the column is no part of the title."""
    page = f"<html><head><meta charset='utf-8'><title>{page_title}</title></head><body>{text}</body></html>"
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").title == FULL_TITLE


def test_a_text_laid_out_in_a_one_cell_table_keeps_its_header_out():
    """An older page lays its text out in a table of one cell a row, the title and 文号 printed
    at its head: a layout, not a table of data, so the header is read and kept out of the body."""
    title = "示例市应急管理局关于开展2024年安全生产大检查的通知"
    page = _page("", f"<table><tr><td><p align='center'><b>{title}</b></p><p align='center'>示应急〔2024〕12号</p>{TEXT}"
                 "</td></tr></table>", head=f"<title>{title}_示例市应急管理局</title>")
    record = extract(page, "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.title == title and record.doc_no == "示应急〔2024〕12号" and record.body == BODY


@pytest.mark.parametrize("box,words", [("box", WELCOME[:90]), ("footer", WELCOME * 2), ("sidebar", WELCOME * 2)])
def test_a_short_text_is_not_joined_to_prose_elsewhere_on_the_page(box, words):
    """The whole page (<body>) adds up the prose of all its regions and is never the container;
    prose in a footer or a side bar is the site's, however long."""
    page = (f"<html><head><meta charset='utf-8'><title>示例县人民政府</title></head><body><div class='art'><p>{SHORT_TEXT}</p></div>"
            f"<div class='{box}'><p>{words}</p></div></body></html>")
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").body == SHORT_TEXT


def test_a_notice_in_numbered_sections_ends_before_its_attachment_section():
    """A procurement notice printed as 一、二、三… in spans and tables (ccgp-hebei): its last
    section, 七、附件, holds only a link to a file named without its type; it is an attachment."""
    goods = "".join(f"<tr><td>示例商贸有限公司{i}</td><td>计算机</td><td>156</td><td>4780.00</td></tr>" for i in range(3))
    cell = ("<span class='txt7'><span class='title'>一、项目编号：</span><br><span>ZC130800202101632</span><br>"
            "<span class='title'>二、项目名称：</span><br><span>示例村级信息中心电脑项目</span><br><span class='title'>三、中标（成交）信息</span><br>"
            "<div class='wenben'><table><tr><th>供应商名称</th><th>货物名称</th><th>数量</th><th>单价</th></tr>"
            f"{goods}</table></div><span class='title'>四、公告期限</span><br><span>自本公告发布之日起1个工作日。</span><br>"
            "<span class='title'>五、凡对本次公告内容提出询问，请按以下方式联系。</span><br><span>名称：</span><br><span>示例县文化广电局本级</span><br>"
            "<span>电话：</span><br><span>0314-7566207</span><br><span class='title'>六、附件</span><br>"
            "<a href='/f/1.docx'>2021年示例村级信息中心电脑采购项目</a></span>")
    page = ("<html><head><meta charset='utf-8'><title>中国示例政府采购网</title></head><body><table><tr><td align='center'>"
            "<span class='txt2'>2021年示例村级信息中心电脑采购项目中标公告</span></td></tr><tr><td class='txt7'>发布时间：<span>2021-10-11</span>"
            f"</td></tr><tr><td>{cell}</td></tr></table><div class='footer'>主办单位：示例省财政厅</div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t20211011_1.html")
    assert record.title == "2021年示例村级信息中心电脑采购项目中标公告"
    assert record.body.startswith("一、项目编号：") and record.body.endswith("0314-7566207")
    assert record.attachments == [{"name": "2021年示例村级信息中心电脑采购项目", "url": "http://www.example.gov.cn/f/1.docx"}]


def test_a_table_of_data_printing_its_title_as_its_first_row_starts_at_its_header_row():
    """A list of records whose table prints the title again as its first row, one cell across:
    the page's header, not a record; the table starts at its header row (序号 …)."""
    title = "2025年示例市教育局双随机一公开抽查事项清单"
    rows = "".join(f"<tr><td>{i}</td><td>示例抽查项目{i}</td><td>示例学校{i}</td><td>定向抽查</td></tr>" for i in range(1, 6))
    page = (f"<html><head><meta charset='utf-8'><title>{title}_示例市教育局</title></head><body><h1>{title}</h1>"
            f"<div class='list'><table><tr><td colspan='4'>{title}</td></tr>"
            f"<tr><td>序号</td><td>抽查项目</td><td>检查对象</td><td>抽查类型</td></tr>{rows}</table></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t20250605_1.html")
    assert record.title == title and record.body.startswith("序号 抽查项目 检查对象 抽查类型\n1 示例抽查项目1")


def test_a_table_of_records_with_labels_in_one_cell_is_still_the_document():
    """A page whose document is a list of records, one row's 备注 holding two of a page's labels
    (发布时间：… 来源：…): a metadata table is labelled row after row; this one is the text."""
    cells = ["发布时间：2024-01-01 来源：示例局", "无", "无", "无"]
    rows = "".join(f"<tr><td>{i}</td><td>示例项目{i}</td><td>示例公司{i}</td><td>{cell}</td></tr>" for i, cell in enumerate(cells))
    page = ("<html><head><meta charset='utf-8'><title>示例项目清单_示例市人民政府</title></head><body><h1>示例项目清单</h1>"
            f"<div class='list'><table><tr><td>序号</td><td>项目名称</td><td>申请单位</td><td>备注</td></tr>{rows}</table></div>"
            "</body></html>")
    body = extract(page, "http://www.example.gov.cn/a/t20240605_1.html").body
    assert body.startswith("序号 项目名称 申请单位 备注") and body.endswith("3 示例项目3 示例公司3 无")


def test_a_document_that_is_a_table_outweighs_a_little_prose_elsewhere():
    """A list of records in a table (药品批准证明文件待领取信息) on a page whose only prose is a box
    beside it: the table, holding far more text, is the document."""
    rows = "".join(f"<tr><td>{i}</td><td>CXHS20000{i:02d}国</td><td>示例药业有限公司{i}</td><td>2020年9月{i}日</td></tr>"
                   for i in range(1, 9))
    page = ("<html><head><meta charset='utf-8'><title>示例局</title></head><body><div class='list'>"
            f"<table><tr><td>序号</td><td>受理号</td><td>申请单位</td><td>签发日期</td></tr>{rows}</table></div>"
            f"<div class='box'><h3>领导致辞</h3><p>{WELCOME}</p></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t20200911_1.html")
    assert record.body.startswith("序号 受理号 申请单位 签发日期\n1 CXHS2000001国") and WELCOME not in record.body


ATTACHMENT_PAGE = ("<h1>关于公布示例县2024年安全生产检查工作方案的通知</h1><table><tr><td>索引号：</td><td>11330100/2024-00012</td>"
                   "<td>发布日期：</td><td>2024-06-05</td></tr></table>"
                   "<div id='zoom'><p><a href='/f/fa.pdf'>示例县2024年安全生产检查工作方案.pdf</a></p></div>")


def test_a_box_of_prose_after_the_sites_footer_is_not_the_text_of_a_page_without_one():
    """A page whose document is only its 附件 has no prose of its own: a box of prose printed
    after the site's footer (its ICP备 line) in no named region is the site's, not the body."""
    page = (f"<html><head><meta charset='utf-8'><title>示例县人民政府</title></head><body>{ATTACHMENT_PAGE}"
            "<div class='bt'><p>示例县人民政府办公室主办 浙ICP备05012345号</p></div>"
            f"<div><h3>领导致辞</h3><p>{WELCOME}</p></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.body is None
    assert record.attachments == [{"name": "示例县2024年安全生产检查工作方案.pdf", "url": "http://www.example.gov.cn/f/fa.pdf"}]


@pytest.mark.parametrize("head", ["<div class='tt'>{}</div>", "<h1>{}</h1>"])
def test_a_box_of_prose_before_the_title_line_is_not_the_text_of_a_page_without_one(head):
    """A page whose document is only its 附件, with a box of prose (a left column, no named
    region) printed before the line that prints the title its <title> names: no prose follows
    that line, so the page has no text of its own, and the box is not it. A footer's h1 inside a
    link (政府网站年度报表) is no headline."""
    title = "关于公布示例县2024年安全生产检查工作方案的通知"
    page = (f"<html><head><meta charset='utf-8'><title>{title}_示例县人民政府</title></head><body>"
            f"<div><h3>领导致辞</h3><p>{WELCOME}</p></div><div class='r'>{head.format(title)}<div class='date'>2024-06-05</div>"
            "<div id='zoom'><p><a href='/f/fa.pdf'>示例县2024年安全生产检查工作方案.pdf</a></p></div></div>"
            "<div class='ft'><a href='/ndbb/'><h1>政府网站年度报表</h1></a></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.title == title and record.body is None
    assert record.attachments == [{"name": "示例县2024年安全生产检查工作方案.pdf", "url": "http://www.example.gov.cn/f/fa.pdf"}]


def test_a_footers_h1_in_a_link_does_not_cut_off_the_short_text_before_it():
    """A short text (under its div.title line) and, in the footer, an h1 inside a link: the h1
    is no headline, so the text before it is still the page's."""
    title = "关于公布示例县2024年安全生产检查工作方案的通知"
    page = (f"<html><head><meta charset='utf-8'><title>{title}_示例县人民政府</title></head><body><div class='tt'>{title}</div>"
            f"<div class='art'><p>{SHORT_TEXT}</p></div><div class='ft'><a href='/ndbb/'><h1>政府网站年度报表</h1></a></div>"
            f"<div><h3>领导致辞</h3><p>{WELCOME}</p></div></body></html>")
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").body == SHORT_TEXT


def test_a_box_of_prose_before_the_metadata_block_is_not_the_short_text_after_it():
    """No headline says where the document starts, but its metadata block does: a short text
    after it outweighed by a box of prose before the block (a left column, no named region)."""
    page = ("<html><head><meta charset='utf-8'><title>示例县人民政府</title></head><body>"
            f"<div class='l'><div><b>领导致辞</b><p>{WELCOME}</p></div></div><div class='r'>"
            "<div class='tt'>关于公布示例县2024年安全生产检查工作方案的通知</div><table><tr><td>索引号：</td>"
            "<td>11330100/2024-00012</td><td>发布日期：</td><td>2024-06-05</td></tr></table>"
            f"<div class='art'><p>{SHORT_TEXT}</p></div></div></body></html>")
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").body == SHORT_TEXT


def test_the_text_as_a_file_after_its_signature_is_a_page_tool():
    """pdf下载 word下载 (the page's own text as files), in any case, with 扫一扫 above them."""
    closing = "<p>示例县人民政府</p><p>2022年1月27日</p>"
    page = _page("", TEXT + closing + "<div><span>扫一扫在手机打开当前页</span></div><div><a href='/p/1.pdf'>pdf下载</a>"
                 "&nbsp;&nbsp;<a href='/p/1.doc'>word下载</a> <a href='/p/1.ofd'>OFD版下载</a></div>")
    assert extract(page, "http://www.example.gov.cn/a/t20220127_1.html").body == BODY + "\n示例县人民政府\n2022年1月27日"


def test_a_meta_title_holding_markup_is_read_as_its_text():
    """A CMS copies its rich-text title field, tags and all, into <meta name=ArticleTitle>."""
    page = _page("", head="<meta name='ArticleTitle' content='为示例县建设凝聚力量&lt;div&gt;——热烈祝贺县政协会议开幕&lt;/div&gt;'>")
    assert extract(page, "http://www.example.gov.cn/a/t20220127_1.html").title == "为示例县建设凝聚力量——热烈祝贺县政协会议开幕"


def test_a_byline_naming_the_sites_address_is_passed_over_to_the_title_above_it():
    """A headline over a byline that names the site by its address (示例市政府门户网站
    www.example.gov.cn), its date and tools; the <title> names only the site."""
    page = ("<html><head><meta charset='utf-8'><title>示例市人民政府</title></head><body><div class='c'>"
            "<p class='t'>为示例市现代化建设凝聚强大智慧和力量</p><ul><li>示例市政府门户网站 www.example.gov.cn</li>"
            f"<li>2022-02-11 09:52</li><li>打印本页</li></ul><div class='a'>{TEXT}</div></div></body></html>")
    assert extract(page, "http://www.example.gov.cn/a/t20220211_1.html").title == "为示例市现代化建设凝聚强大智慧和力量"


@pytest.mark.parametrize("closing", [["公文种类：意见"], ["[实施日期]----", "[废止日期]----"], ["【失效日期】"],
                                     ["[实施日期]2024-12-05"], ["打印 字体：放大 正常 缩小 分享"],
                                     ["<table><tr><td>发布机构</td><td>文号</td><td>主题词</td></tr></table>"]])
def test_the_pages_catalogue_lines_closing_the_text_go(closing):
    """A site printing its catalogue under the text (公文种类, 实施日期 and 废止日期 with empty
    values, labels no field keeps; a row of labels without values) or its tools (放大 正常 缩小):
    the page's, not the document's."""
    page = _page("", TEXT + "".join(f"<p>{line}</p>" for line in closing))
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").body == BODY


@pytest.mark.parametrize("block", [
    ["主题词：", "体裁分类：", "通知", "公开类别：", "主动公开", "发布形式：", "备注：无"],
    ["<table><tr><td>分 类</td><td></td></tr><tr><td>发布机构</td><td></td></tr><tr><td>文 号</td><td></td>"
     "<td>主 题 词</td><td></td></tr></table>"],
    ["<table><tr><td>信息分类</td><td></td></tr><tr><td>文号</td><td></td><td>关键词</td><td></td></tr>"
     "<tr><td>语种</td><td>中文</td><td>信息格式</td><td>html</td></tr></table>"],
    ["有效性 有效"]])
def test_the_pages_metadata_block_printed_under_the_text_goes(block):
    """A CMS printing the page's metadata under the text, as label lines with values on their
    own lines among labels nobody listed (公开类别：, 备注：无), or as table rows without colons
    (文 号 主 题 词, 语种 中文 信息格式 html, 有效性 有效): the page's, not the document's."""
    contact = "<p>联系人：张三</p><p>联系电话：12345678</p>"
    page = _page("", TEXT + contact + "".join(f"<p>{line}</p>" if "<" not in line else line for line in block))
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").body == BODY + "\n联系人：张三\n联系电话：12345678"


def test_a_versions_publication_note_closing_the_text_stays():
    """公开方式：主动公开 under a 版记's 抄送 is the document's own, labelled or not."""
    page = _page("", TEXT + "<p>抄送：市委各部门，市人大常委会办公厅。</p><p>公开方式：主动公开</p>")
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").body.endswith("公开方式：主动公开")


def test_a_byline_printed_in_cells_of_its_own_over_the_text_is_header():
    """新华网 / 2024.02.22 / 小 中 大, each in its own cell inside the text's element: the source's
    name over a date in figures is a byline (a document's signature printed first writes
    2024年2月22日), and its date is the page's."""
    byline = "<div>新华网</div><div>2024.02.22</div><div>小</div><div>中</div><div>大</div>"
    record = extract(_page("", byline + TEXT), "http://www.example.gov.cn/a/t20240222_1.html")
    assert (record.body, record.published_at) == (BODY, "2024-02-22")


@pytest.mark.parametrize("suffix", ["-纪检", "_示例市教育局", " | 通知公告"])
def test_a_title_tag_adding_a_short_name_to_the_headline_printed_over_the_text(suffix):
    """<title>中华人民共和国监察法-纪检</title> over a page printing 中华人民共和国监察法 over its text:
    what the <title> adds after one separator is the site's or column's name, known or not;
    the title printed again at the text's head is header, not body."""
    page = (f"<html><head><meta charset='utf-8'><title>中华人民共和国监察法{suffix}</title></head><body>"
            "<table><tr><td><span>中华人民共和国监察法</span></td></tr><tr><td>来源: | 发布时间: 2018-05-17</td></tr>"
            f"<tr><td><div id='vsb_content'><p><strong>中华人民共和国监察法</strong></p>{TEXT}</div></td></tr></table></body></html>")
    record = extract(page, "http://www.example.edu.cn/info/1081/1.htm")
    assert (record.title, record.body) == ("中华人民共和国监察法", BODY)


def test_a_title_tag_with_a_subtitle_after_a_long_dash_keeps_it():
    """——, a 副题's dash, is no site suffix's separator."""
    page = ("<html><head><meta charset='utf-8'><title>砥砺奋进谱新篇——示例市2024年工作综述</title></head><body>"
            f"<div><span>砥砺奋进谱新篇</span></div><div id='zoom'>{TEXT}</div></body></html>")
    assert extract(page, "http://www.example.gov.cn/a/t1.html").title == "砥砺奋进谱新篇——示例市2024年工作综述"


@pytest.mark.parametrize("credits", ["医技药剂党支部、药剂科供稿&nbsp; 摄影/张艳&nbsp; 编辑/苏芳", "（文/张三 图/李四）"])
def test_a_news_items_credits_closing_the_text_go(credits):
    """The credits under a news item (X供稿, 摄影/…, 编辑/…, 文/…): the site's, not the text's."""
    page = _page("", TEXT + f"<p>{credits}</p>")
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").body == BODY


@pytest.mark.parametrize("closing", ["原文链接：http://www.example.gov.cn/a/1.html", "监制：王五", "统筹：赵六 策划：钱七",
                                     "文章录入：管理员", "发布者：admin", "信息员：张三", "审核人：李四", "编审：李四",
                                     "（编辑 张三）", "编辑 | 张三", "撰稿人：张三", "图片来源：示例局", "（图片由示例局提供）",
                                     "点赞", "扫码关注示例发布", "【视力保护色】", "声明：本文仅代表作者观点", "热门文章"])
def test_the_sites_credits_tools_and_notes_closing_the_text_go(closing):
    """The web editors' credits in every role a site names (监制, 统筹, 信息员, 发布者 …), with a
    bar or a space for a colon; the link to the original, photo credits, tools, a follow-us
    note, a disclaimer and a list's heading: the site's, not the document's."""
    page = _page("", TEXT + f"<p>{closing}</p>")
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").body == BODY


@pytest.mark.parametrize("line", ["（来源：示例日报）", "【内容来源：示例日报】", "转自：示例日报", "文章来源：示例日报"])
def test_a_source_line_under_the_text_names_its_source(line):
    """A news item names its source under the text as often as over it; 资料来源： under a table
    is the text's own note."""
    record = extract(_page("", TEXT + f"<p>{line}</p>"), "http://www.example.gov.cn/a/t20240605_1.html")
    assert (record.source, record.body) == ("示例日报", BODY)
    record = extract(_page("", TEXT + "<p>资料来源：示例市统计局</p>"), "http://www.example.gov.cn/a/t20240605_1.html")
    assert (record.source, record.body) == (None, BODY + "\n资料来源：示例市统计局")


@pytest.mark.parametrize("page_title", ["首页 &gt; 通知公告", "通知公告_示例市人民政府", "通知公告"])
@pytest.mark.parametrize("printed", ["<p align='center'><strong>{}</strong></p>", "<font size='5'>{}</font>", "<h3>{}</h3>"])
def test_a_title_tag_naming_the_column_gives_way_to_the_line_over_the_text(page_title, printed):
    """A <title> naming only the column (as a trail, with the site, or alone) on a page printing
    its title over the text in no heading or class that says so: the printed line is the title."""
    title = "关于开展2024年安全生产大检查的通知"
    page = (f"<html><head><meta charset='utf-8'><title>{page_title}</title></head><body><div class='nav'>"
            f"<a href='/'>首页</a> <a href='/a'>通知公告</a></div>{printed.format(title)}<div class='c'>{TEXT}</div></body></html>")
    assert extract(page, "http://www.example.gov.cn/a/t.html").title == title


def test_a_box_of_prose_after_a_short_text_under_its_metadata_is_beside_it():
    """No headline, a metadata block over a short text (现将…公布如下), and a box of prose
    (领导致辞) last in the page, outweighing it: a box wholly after the first prose under the
    metadata is beside the text, as one wholly before the metadata is."""
    short = "<p>根据国家发展改革委公布的调价信息，现将我省汽、柴油最高零售价格公布如下，自2026年8月28日24时起执行。</p>"
    box = ("<div><h3>领导致辞</h3><p>欢迎您访问示例市人民政府门户网站！示例市位于示例省东南部，山清水秀，人杰地灵，历史悠久，文化灿烂。"
           "近年来，我们坚持以人民为中心的发展思想，大力推进经济社会高质量发展，城市面貌日新月异，人民生活不断改善。我们真诚欢迎各界朋友来"
           "示例市投资兴业、观光旅游，共享发展机遇，共创美好未来。</p></div>")
    page = ("<html><head><meta charset='utf-8'><title>关于调整成品油价格的通知</title></head><body>"
            "<table><tr><td>索引号：</td><td>014000319/2026-00123</td><td>发布日期：</td><td>2026-08-28</td></tr></table>"
            f"<div class='a'>{short}</div>{box}</body></html>")
    assert extract(page, "http://www.example.gov.cn/a/t20260828_1.html").body == short[3:-4]


def test_a_short_note_the_page_hides_inside_the_text_is_not_text():
    """<p style="display:none">注释</p> over the text, inside its element; longer hidden text
    (a folded 展开全文 rest) stays the text's."""
    rest = "<div style='display:none'><p>三、强化保障，确保各项措施落实到位，各单位要明确专人负责，按时报送工作进展情况。</p></div>"
    page = _page("", "<span style='display:none'>注释</span><br>" + TEXT + rest)
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").body == (
        BODY + "\n三、强化保障，确保各项措施落实到位，各单位要明确专人负责，按时报送工作进展情况。")


@pytest.mark.parametrize("files", [
    "<p>附件1：<a href='/files/fj1.pdf'>示例市安全生产检查表</a></p><p>附件2：<a href='/files/fj2.xls'>示例市隐患排查清单</a></p>",
    "<p>附件:1.<img src='doc.gif'><a href='/files/a.docx'>示例市安全生产检查表</a></p><p>2.<a href='/files/b.docx'>示例市隐患排查清单</a></p>",
    "<p>附件：<a href='/files/fj1.pdf'>1.示例市安全生产检查表</a>（PDF，120KB）</p>",
    "<p>附件：<a href='/down?id=123'>示例市安全生产检查表.pdf</a> 下载次数：12</p>",
    "<p>附件：<a href='/files/fj1.pdf'>示例市安全生产检查表.pdf</a> [1.2 MB]</p>"])
def test_download_links_ending_the_text_are_attachments_whatever_their_link_text(files):
    """附件 lines ending the page's text whose links lead to files are the record's attachments,
    named with their extension or not, numbered 附件1： or 1., with a size or a counter beside."""
    record = extract(_page("", TEXT + files), "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.body == BODY and record.attachments


@pytest.mark.parametrize("headline", ["《示例市安全生产工作手册》全文", "《示例市安全生产工作手册》（全文）", "《示例市安全生产工作手册》"])
def test_a_title_naming_a_text_whole_printed_bare_over_it_is_header(headline):
    """<h1>《中国式现代化发展之路》全文</h1> over the text's element opening with the book's name
    bare (中国式现代化发展之路): the title printed again, not the text's first line."""
    page = _page(f"<h1>{headline}</h1>", "<p>示例市安全生产工作手册</p>" + TEXT)
    record = extract(page, "http://www.example.gov.cn/a/t20240505_1.html")
    assert (record.title, record.body) == (headline, BODY)


@pytest.mark.parametrize("printed", ["2024年6月5日 10:30", "2024-06-05T10:30:00", "2024-06-05 10时30分"])
def test_a_written_date_is_a_day_whatever_hour_the_page_prints_with_it(printed):
    """成文日期 is the day a document was signed; 发布日期 keeps the hour the page shows."""
    record = extract(_page(f"<table><tr><td>发布日期：</td><td>{printed}</td><td>成文日期：</td><td>{printed}</td></tr></table>"),
                     "http://www.example.gov.cn/a/t20240605_1.html")
    assert record.written_at == "2024-06-05" and record.published_at.startswith("2024-06-05T10:30")


@pytest.mark.parametrize("player", ["<p>播放</p><p>00:00 / 03:25</p>", "<p>00:00</p>", "<p>无障碍浏览</p>",
                                    "<p>Aa字体：小|中|大</p>", "<p>下载、打印</p>", "<p>关闭打印首页</p>", "<p>分享至</p>",
                                    "<div>|</div><p>Aa</p><p>字体：小 中 大</p><div>|</div><p>分享到：</p>"])
def test_a_players_controls_and_tools_over_the_text_are_furniture(player):
    """A video player's controls and clock (播放, 00:00 / 03:25), an accessibility tool, a font
    size tool behind its icon's letters (Aa字体：小|中|大), tools listed with 、 or run together
    with the home link (下载、打印, 关闭打印首页) over the text, inside its element; the bar
    between two tools printed on a line of its own (|)."""
    record = extract(_page("<h1>关于开展2024年安全生产大检查的通知</h1>", player + TEXT), "http://www.example.gov.cn/a/t.html")
    assert record.body == BODY


@pytest.mark.parametrize("line", ["(示应急〔2024〕12号)", "（示应急〔2024〕12号）"])
def test_a_doc_no_in_brackets_on_its_own_line_at_the_texts_head_is_header(line):
    """The title printed again at the text's head, its 文号 in brackets on the line under it: the
    header's, read as the 文号."""
    record = extract(_page("<h1>关于开展安全检查的通知</h1>", f"<p>关于开展安全检查的通知</p><p>{line}</p>" + TEXT),
                     "http://www.example.gov.cn/a/t20240605_1.html")
    assert (record.doc_no, record.body) == ("示应急〔2024〕12号", BODY)


@pytest.mark.parametrize("headline,title,doc_no", [
    ("关于开展2024年安全生产大检查的通知<br><span>示应急〔2024〕12号</span>", "关于开展2024年安全生产大检查的通知", "示应急〔2024〕12号"),
    ("关于开展2024年安全生产大检查的通知 示应急〔2024〕12号", "关于开展2024年安全生产大检查的通知", "示应急〔2024〕12号"),
    ("关于开展2024年安全生产大检查的通知<br>示应急〔2024〕12号", "关于开展2024年安全生产大检查的通知", "示应急〔2024〕12号"),
    ("关于印发示政办〔2024〕3号文件的通知", "关于印发示政办〔2024〕3号文件的通知", None)])
def test_a_doc_no_printed_inside_the_headline_after_its_kind_is_header(headline, title, doc_no):
    """<h1>关于…的通知<br><span>示应急〔2024〕12号</span></h1>, or the 文号 in the same line: it is the
    header's 文号, not the title's end; a 文号 inside a title's words (关于印发示政办〔2024〕3号文件的通知)
    stays."""
    page = ("<html><head><meta charset='utf-8'><title>示例市人民政府</title></head><body>"
            f"<h1>{headline}</h1><div class='c'>{TEXT}</div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t.html")
    assert (record.title, record.doc_no, record.body) == (title, doc_no, BODY)


def test_a_byline_whose_date_runs_into_its_next_label_is_header():
    """<span>2024-06-05</span><span>来源：示例局</span> reads 2024-06-05来源：示例局, a label right
    after the date's figures: the header's metadata, not the text's first line."""
    page = ("<html><head><meta charset='utf-8'><title>示例市人民政府</title></head><body>"
            "<h1>关于开展2024年安全生产大检查的通知</h1><div class='info'><span>2024-06-05</span><span>来源：示例局</span></div>"
            f"<div class='c'>{TEXT}</div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/t.html")
    assert (record.body, record.published_at, record.source) == (BODY, "2024-06-05", "示例局")


@pytest.mark.parametrize("lead,separator", [("您现在的位置：", " - "), ("您现在的位置：", " － "), ("当前栏目：", " &gt; "),
                                            ("所在栏目：", " &gt; ")])
def test_a_breadcrumb_may_separate_its_steps_by_spaced_dashes(lead, separator):
    """您现在的位置：首页 - 政务公开 - 通知公告; a dash without spaces is a range (2024-2025), never one.
    A trail may be led in as the current column (当前栏目：)."""
    page = _page(f"<div>{lead}<a href='/'>首页</a>{separator}政务公开{separator}通知公告</div><h1>关于开展安全检查的通知</h1>")
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").column == "首页 > 政务公开 > 通知公告"


def test_a_trail_led_in_with_bars_between_its_steps_beside_an_empty_position_box():
    """当前位置：首页｜新华社记者看东北｜人物专访 (bars only after a lead-in), on a page whose empty
    <div id=Position> (filled by script) sits over the headline: its parent is not a trail."""
    page = ("<html><head><meta charset='utf-8'><title>农机专家：为农机行业搭建信息平台_示例网</title></head><body><table>"
            "<tr><td><span>当前位置：<a href='/'>首页</a><font>｜</font><a href='/a/'>记者看东北</a><font>｜</font>"
            "<a href='/b/'>人物专访</a></span></td></tr><tr><td><div id='Position'> </div><div id='Title'>"
            "<div>农机专家：为农机行业搭建信息平台</div></div></td></tr><tr><td>2005年08月16日　来源：新华网</td></tr>"
            f"<tr><td><div id='Content'>{TEXT}<p><a href='/1.htm'>[1]</a> <a href='/2.htm'>[2]</a> <a href='/3.htm'>[3]</a></p>"
            "</div></td></tr></table></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/content_1.htm")
    assert (record.column, record.title) == ("首页 > 记者看东北 > 人物专访", "农机专家：为农机行业搭建信息平台")
    assert record.published_at == "2005-08-16" and record.body == BODY


@pytest.mark.parametrize("titled", ["<div id='Title'>{}</div>", "<div class='bt'>{}</div>"])
def test_a_headline_giving_its_speaker_before_a_colon_is_no_sites_name(titled):
    """农机专家李金泽：为农机行业搭建现代化信息平台 ends in 平台 like a site's name, but a name has
    no colon in it; the <title> names only the site."""
    headline = titled.format("农机专家李金泽：为农机行业搭建现代化信息平台")
    page = ("<html><head><meta charset='utf-8'><title>示例市人民政府网站</title></head><body>"
            f"{headline}<div>2005年08月16日　来源：新华网</div><div class='a'>{TEXT}</div></body></html>")
    assert extract(page, "http://www.example.gov.cn/a/content_1.htm").title == "农机专家李金泽：为农机行业搭建现代化信息平台"


LEAF = "<div class='day'>21</div><div class='year'>2024年02月</div>"
SHARE = "<div class='link'><span>分享</span><a href='http://weibo.example/s'>微博</a><a href='http://qzone.example/s'>QQ空间</a></div>"


@pytest.mark.parametrize("header", [f"<div class='lcon'><div class='fx'><div class='data'>{LEAF}</div>{SHARE}</div>",
                                    "<div class='lcon'><div class='fx'><p>2024-02</p><p>21日</p></div>",
                                    f"<div class='lcon'><div class='data'>{LEAF}</div>"])
def test_a_date_printed_as_a_calendars_leaf_under_the_headline(header):
    """The day in one block and the year and month in the next (21 / 2024年02月), no label, over
    the text's element or inside it."""
    page = ("<html><head><meta charset='utf-8'><title>示例所召开干部职工大会_示例所</title></head><body>"
            "<div class='nav'>" + "".join(f"<a href='/{i}'>栏目{i}</a>" for i in range(8)) + "</div><div class='left'>"
            f"<h5>示例所召开干部职工大会</h5>{header}<div class='doc'>{TEXT}</div><div><a href='/list'>返回列表</a></div>"
            "</div></div></body></html>")
    record = extract(page, "http://www.example.org/a/1.html")
    assert (record.published_at, record.body) == ("2024-02-21", BODY)


@pytest.mark.parametrize("heading", [
    "<h2 class='Article-title'>示例市2022年4月25日新增本土确诊病例情况通报</br><h2 class='Article-title'>"
    "<small>( 2022-04-25)</small></h2><div id='c'>{text}</div></h2>",
    "<h2 class='Article-title'>示例市2022年4月25日新增本土确诊病例情况通报 (2022-04-25)</h2><div id='c'>{text}</div>"])
def test_a_headline_is_its_own_words_without_the_date_after_them(heading):
    """A heading left unclosed holds the page after it (wsjkw.sh: a nested h2 with the date, then
    the text); a date in brackets after a headline is the page's. The <title> names the site."""
    page = ("<html><head><meta charset='utf-8'><title>示例市卫生健康委员会</title></head><body>"
            + heading.format(text=TEXT) + "</body></html>")
    record = extract(page, "http://www.example.gov.cn/a/1.html")
    assert (record.title, record.body) == ("示例市2022年4月25日新增本土确诊病例情况通报", BODY)


@pytest.mark.parametrize("line,source,published", [
    ("稿源：示例日报 2024-06-05", "示例日报", "2024-06-05"),
    ("来源：示例县人民政府 2024年6月5日 10:00", "示例县人民政府", "2024-06-05T10:00"),
    ("【来源：示例县人民政府】【发布时间：2024-06-05】", "示例县人民政府", "2024-06-05"),
    ("消息来源：示例日报", "示例日报", None)])
def test_a_source_line_under_the_headline(line, source, published):
    """The source's name without the byline's date run after it, or the bracket closing its own
    label; that date is the page's publication date."""
    page = _page(f"<h1>关于开展安全检查的通知</h1><div class='info'>{line}</div>")
    record = extract(page, "http://www.example.gov.cn/a/t20240605_1.html")
    assert (record.source, record.published_at) == (source, published)


@pytest.mark.parametrize("line", ["2024-06-05", "2024/06/05 10:30", "[2024-06-05]"])
def test_a_date_in_figures_heading_the_text_is_the_pages(line):
    """A date in figures alone over the text, inside its element: the page's publication date; a
    document writes its own dates 2024年6月5日."""
    record = extract(_page("<h1>关于开展安全检查的通知</h1>", f"<p>{line}</p>" + TEXT), "http://www.example.gov.cn/a/1.html")
    assert (record.body, record.published_at[:10]) == (BODY, "2024-06-05")


def test_a_heading_of_higher_rank_over_the_one_found_is_the_title():
    """<h2>main title</h2><h3>subtitle</h3> over the text, no dash before the 副题, the <title>
    naming only the site: the h2 is the title."""
    page = ("<html><head><meta charset='utf-8'><title>示例省人民政府门户网站</title></head><body><div class='nav'><a href='/'>首页</a>"
            "</div><div class='t'><h2>示例省品牌丝路行南美站正式启动</h2><h3>成功举办示例省与巴西双向经贸投资推介会</h3></div>"
            f"<div class='a'>{TEXT}</div></body></html>")
    assert extract(page, "http://www.example.gov.cn/a/1.html").title == "示例省品牌丝路行南美站正式启动"


@pytest.mark.parametrize("line", ["新华网 2024.02.22 小 中 大", "来源：新华网 2024-02-22 分享",
                                  "示例市人民政府新闻办公室网站　www.example-news.gov.cn　　 2024/02/22　 来源：示例网",
                                  "示例市人民政府网站 2024年2月22日"])
def test_a_bylines_date_before_the_page_tools_it_runs_into(line):
    """The source and date line ends in the page's tools (小 中 大, 分享), names the site by its
    address before its date and source (scio), or names a medium (…网站) beside a date in words,
    which no signature does: still the header's date."""
    for where in ("over", "inside"):
        header, text = (f"<div class='info'>{line}</div>", TEXT) if where == "over" else ("", f"<p>{line}</p>" + TEXT)
        record = extract(_page(f"<h1>关于开展安全检查的通知</h1>{header}", text), "http://www.example.gov.cn/a/1.html")
        assert (record.published_at, record.body) == ("2024-02-22", BODY), where


def test_a_short_texts_salutation_and_paragraph_stay_one_text_in_a_page_without_names():
    """No class or id anywhere: the headline, the salutation (the first prose under it), the
    text's one paragraph right after it, its 附件 links, its signature. The paragraph weighs
    most; the salutation before it is the same text's, not a box beside it."""
    files = "".join(f"<p><a href='/f/{i}.pdf'>{i}.示例电网输电价格定价办法（试行）第{i}部分</a></p>" for i in (1, 2))
    page = ("<html><head><meta charset='utf-8'><title>示例委员会</title></head><body><div>"
            + "".join(f"<a href='/{i}'>栏目{i}</a>" for i in range(8)) + "</div><div><h1>关于印发《示例电网输电价格定价办法》的通知</h1>"
            f"<div><p>各省、自治区、直辖市发展改革委、物价局，国家电网公司、南方电网公司：</p><p>{LONG}{LONG}</p>{files}"
            "<p>示例委员会</p><p>2017年12月29日</p></div></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/1.html")
    assert record.body.startswith("各省、自治区、直辖市发展改革委、物价局，国家电网公司、南方电网公司：\n" + LONG)


def test_a_copy_of_the_text_for_phones_is_the_texts_lines_not_metadata():
    # (dup_media probe: gz's 有效期… sentence read as 有效性, a procurement notice's 项目名称 as title)
    text = ("<p>项目名称：示例医院医用液氧供应项目</p><p>一、本办法自印发之日起施行，有效期三年。</p>"
            "<p>有效期届满前一个月内，老年人可以通过户籍所在地的街（镇）政务服务中心办理续期手续。</p>")
    html = (f"<html><head><style>.m-only{{display:none}}@media (max-width:768px){{.pc-only{{display:none}}}}</style></head>"
            f"<body><h1>示例市老年人优待证办理办法</h1><table><tr><td>发布机构：</td><td>示例市民政局</td></tr></table>"
            f"<div class='pc-only'><div class='article'>{text}</div></div><div class='m-only'><div class='article'>{text}</div></div>"
            f"</body></html>")
    record = extract(html, "http://x.gov.cn/a/t20240605_1.html")
    assert (record.title, record.validity, record.publisher) == ("示例市老年人优待证办理办法", None, "示例市民政局")
    assert record.body == "\n".join(re.findall("<p>(.*?)</p>", text))  # (once: the phone's copy hidden)


TWO_COPIES = ("<html><head><meta charset='utf-8'></head><body><div class='nav'>{nav}</div><div class='main'>"
              "<div class='left'><h1>关于开展安全检查的通知</h1><div class='info'>来源：示例县应急管理局</div>"
              "<div class='content'><div class='pcshow'>{desktop}</div><div class='mshow'{hidden}>{phone}</div></div></div>"
              "<div class='right'>{nav}</div></div></body></html>")


@pytest.mark.parametrize("name", ["TRS_Editor", "zw"])
@pytest.mark.parametrize("hidden", ["", " style='display:none'"])
def test_a_text_printed_twice_desktop_and_phone_is_read_once(hidden, name):
    """(twice probe: a desktop's and a phone's copy of the text side by side, the sheet hiding one
    unseen or the other inline; www.gov.cn's policy library, stats.gov.cn: bodies held the text
    twice, both edges right) A wider container the CMS names around both copies, or none named,
    one copy with the page's tools printed in it: the text is read once, the lines over it are
    no copy's."""
    nav = "".join(f"<a href='/{i}'>栏目{i}</a>" for i in range(10))
    html = TWO_COPIES.format(nav=nav, desktop=f"<div class='{name}'>{TEXT}</div>", hidden=hidden,
                             phone=f"<div class='{name}'><p>分享到：微信 微博 QQ空间</p>{TEXT}</div>")
    record = extract(html, "http://www.example.gov.cn/a/1.html")
    assert (record.body, record.source, record.title) == (BODY, "示例县应急管理局", "关于开展安全检查的通知")


def test_the_real_pages_with_their_columns_name_heading_the_text_start_where_they_did():
    """(column_h2 probe) Every real page with a trail, its column's name (the trail's last step)
    printed as a heading first in the region holding its text (tests.stresses.column_heading):
    the body starts where it did (body start was 0.862: the name read as the text's first line)."""
    moved = []
    for case in REAL:
        if case.fields["column"] and edges_right(extract(case.html, case.url).body, case)[0]:
            if not edges_right(extract(column_heading(case).html, case.url).body, case)[0]:
                moved.append(case.name)
    assert moved == []


def test_the_real_pages_with_a_phones_copy_of_their_text_read_it_once():
    """Every real page with its text's element printed again for phones, the page's <style>
    hiding that copy (tests.stresses.phone_copy): the body holds the text once (24 pages held
    it twice: a hidden copy inside the chosen container was read as long folded text)."""
    twice = [case.name for case in REAL if not read_once(extract(phone_copy(case).html, case.url).body)]
    assert twice == []


@pytest.mark.parametrize("byline", ["２０２４年２月２２日　来源：示例县应急管理局", "示例县应急管理局　２０２４－０２－２２"])
def test_a_bylines_date_in_full_width_figures(byline):
    record = extract(_page(f"<h1>关于开展安全检查的通知</h1><div class='info'>{byline}</div>"), "http://www.example.gov.cn/a/1.html")
    assert (record.published_at, record.body) == ("2024-02-22", BODY)


def test_a_labelled_title_its_own_element_breaks_over_lines_is_whole():
    # (split_title probe: saic's 名称, pingtan's 标题, nfra's 公文名称 kept their first line only)
    block = "<ul><li>索引号：000014349/2024-00123</li><li>名称：<span>示例局办公厅关于清理规范外<br>商投资企业授权登记工作的通知</span></li></ul>"
    record = extract(_page(block), "http://www.example.gov.cn/a/1.html")
    assert (record.title, record.index_no) == ("示例局办公厅关于清理规范外商投资企业授权登记工作的通知", "000014349/2024-00123")
    lines = "<div>来源：示例县应急管理局<br>各单位：现将有关事项通知如下，请认真贯彻落实。</div>"
    record = extract(_page("<h1>关于开展安全检查的通知</h1>", lines + TEXT), "http://www.example.gov.cn/a/1.html")
    assert record.source == "示例县应急管理局"  # the next line of the element is not the value's


def test_a_headline_broken_over_lines_still_heads_its_byline():
    """The byline under a headline printed over two lines is read (its date, unlabelled), and a
    title over a byline is judged whole: its second line alone (…部职工大会) reads as an office."""
    for headline in ("<h1>关于开展安全<br>检查的通知</h1>", "<div class='t'>示例市水产研究所召开干<br>部职工大会暨党风廉政建设大会</div>"):
        record = extract(_page(f"{headline}<div class='info'>2024-02-22 10:30　来源：示例县应急管理局</div>"),
                         "http://www.example.gov.cn/a/1.html")
        assert (record.title, record.published_at, record.body) == (
            re.sub("<[^>]+>", "", headline), "2024-02-22T10:30", BODY), headline


def test_a_dated_note_under_a_title_is_passed_over():
    """A 题注 in brackets under a title broken over lines (全国人大常委会 / 关于批准…及 / 调整…的决议 /
    （2007年6月29日…通过）): the title is the lines over it, whatever <title> says."""
    header = ("<div><a href='#'>微信</a> <a href='#'>微博</a></div><p><strong>示例市人民代表大会常务委员会<br>"
              "关于批准示例市发行专项债券及<br>调整2007年末债务余额限额的决议</strong><br>"
              "（2007年6月29日示例市第十届人民代表大会常务委员会第二十八次会议通过）</p>")
    page = ("<html><head><title>示例市人民政府网站</title></head><body><div>" + header
            + "<p>示例市第十届人民代表大会常务委员会第二十八次会议审议了市人民政府关于提请审议发行专项债券的议案，决定批准。会议同意本决议。</p></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/1.html")
    assert record.title == "示例市人民代表大会常务委员会关于批准示例市发行专项债券及调整2007年末债务余额限额的决议"


@pytest.mark.parametrize("colon", ["∶", "︰", "﹕"])
def test_a_labels_colon_may_be_a_mark_that_stands_in_for_one(colon):
    """Word's ∶ (U+2236) or a vertical form after a label is its colon; in the text a ratio
    (1∶1配套) stays as written."""
    block = (f"<table><tr><td>发布机构{colon}</td><td>示例市交通运输局</td><td>文号{colon}</td><td>示交〔2024〕12号</td></tr></table>"
             f"<div class='info'>来源{colon}示例县应急管理局</div>")
    record = extract(_page(block, TEXT + "<p>资金按1∶1比例配套，由各地统筹安排。</p>"), "http://www.example.gov.cn/a/1.html")
    assert (record.publisher, record.doc_no, record.source) == ("示例市交通运输局", "示交〔2024〕12号", "示例县应急管理局")
    assert record.body.startswith("各单位：") and record.body.endswith("资金按1∶1比例配套，由各地统筹安排。")


def test_a_footers_host_in_an_old_sites_layout_table_is_no_publisher():
    """An old site lays its regions out in a table of one cell a row: its footer's 主办单位 shares
    that table with the metadata's labels, but it is the site's owner, not the document's."""
    rows = ("<div>索引号：11350100MB0000000X/2024-00123</div><div>成文日期：2024-06-05</div>", f"<div id='zoom'>{TEXT}</div>",
            "<div>主办单位：示例市人民政府办公室　技术支持：示例信息中心</div>")
    page = ("<html><body><table width='980'><tbody>" + "".join(f"<tr><td>{row}</td></tr>" for row in rows)
            + "</tbody></table></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/1.html")
    assert (record.index_no, record.publisher, record.body) == ("11350100MB0000000X/2024-00123", None, BODY)
    table = "<table><tr><td>索引号：</td><td>11350100MB0000000X/2024-00123</td><td>主办单位：</td><td>示例市交通运输局</td></tr></table>"
    assert extract(_page(table), "http://www.example.gov.cn/a/1.html").publisher == "示例市交通运输局"  # among labels, it is


def test_a_text_linking_the_documents_it_cites_is_still_prose():
    """Reading sites link each 《…》 a text names: inside a sentence such a link is the text's
    words (a short paragraph that is mostly a citation stays prose); a list of such links after
    the text is still a list of other pages."""
    cite = lambda name: f"<a href='/zcwj/{len(name)}.html'>《{name}》</a>"
    text = (f"<p>各区民政局：</p><p>现将{cite('示例市困难残疾人生活补贴和重度残疾人护理补贴实施办法')}印发给你们。</p>"
            f"<p>一、本办法所称困难残疾人，是指具有本市户籍的残疾人。{cite('示例市残疾人保障条例')}另有规定的，从其规定。"
            "各区要加强组织领导，确保补贴资金及时足额发放到位，不得挤占、截留、挪用。</p>"
            f"<p>二、本办法自2024年7月1日起施行，{cite('示例市民政局关于印发残疾人两项补贴实施办法的通知')}同时废止。</p>")
    related = "<div>相关文件</div><ul>" + "".join(f"<li>{cite(n)}</li>" for n in ("示例市安全生产条例实施细则", "示例市防汛应急预案管理办法")) + "</ul>"
    record = extract(_page("<h1>关于印发示例市残疾人两项补贴实施办法的通知</h1>", text, around=related), "http://www.example.gov.cn/a/1.html")
    assert record.body.startswith("各区民政局：\n现将《示例市困难残疾人生活补贴")
    assert record.body.endswith("《示例市民政局关于印发残疾人两项补贴实施办法的通知》同时废止。")


def test_a_one_paragraph_text_with_a_share_bar_in_its_element_keeps_its_table_and_signature():
    """A notice of one paragraph, a table of names and a signature, the page's share bar printed
    at its head and a list of other pages at its foot in the same element: the paragraph alone
    is not the text."""
    rows = "".join(f"<tr><td><p>{i}</p></td><td><p>律师事务所</p></td><td><p>示例第{i}律师事务所</p></td></tr>" for i in (1, 2, 3))
    text = ("<div><a href='#'>微信</a> <a href='#'>微博</a> <a href='#'>QQ空间</a></div>"
            "<p>根据《示例市司法局关于开展2025年度“双随机、一公开”抽查工作的通知》，我局随机抽取了2025年下半年监管对象，现将抽查对象名单向社会公示。</p>"
            f"<p><strong>示例市司法局2025年下半年双随机抽查对象名单</strong></p><table><tr><td>序号</td><td>组别</td><td>对象名称</td></tr>{rows}</table>"
            "<p style='text-align:right'>示例市司法局</p><p style='text-align:right'>2025年9月19日</p>"
            "<div>往期回顾</div><ul><li><a href='/a/1.html'>示例市召开安全生产工作会议</a></li>"
            "<li><a href='/a/2.html'>示例市开展防汛应急演练活动</a></li></ul>")
    page = (f"<html><body><div class='nav'><a href='/'>首页</a></div><h1>示例市司法局2025年下半年抽查名单公示</h1>"
            f"<div class='box1'><div>{text}</div></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/1.html")
    assert record.body.startswith("根据《示例市司法局") and record.body.endswith("示例市司法局\n2025年9月19日")
    assert record.written_at == "2025-09-19"


def test_a_plain_headline_printed_as_a_line_and_a_block_inside_it_is_whole():
    """No heading tag: `<div>…助企纾困<div>预计4年…</div></div>` over the byline is one title, the
    element holding nothing else; the page tools beside the trail are no part of one."""
    page = ("<html><head><title>示例市人民政府网站</title></head><body><div class='loc'>当前位置：<a href='/'>首页</a>/<a href='/y'>要闻动态</a></div>"
            "<div>字号：<a href='#'>大</a> <a href='#'>中</a> <a href='#'>小</a></div>"
            "<div><div>示例市延续部分到期税收优惠政策助企纾困<div>预计4年为纳税人减负180亿元</div></div>"
            "<div><span>发布日期：2022-02-11 08:52</span></div>" + f"<div class='box'>{TEXT}</div></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/1.html")
    assert (record.title, record.published_at, record.body) == (
        "示例市延续部分到期税收优惠政策助企纾困预计4年为纳税人减负180亿元", "2022-02-11T08:52", BODY)


def test_a_date_in_figures_run_into_the_headline_is_not_the_titles():
    """`<h1>…快速办理！<span>2023-12-14</span></h1>`: the title is the words, and the text
    starts after the headline printed again at its head."""
    title = "无需个人垫付！示例市异地就医备案，上“穗好办”快速办理！"
    record = extract(_page(f"<h1>{title}<span class='date'>2023-12-14</span></h1>", f"<p>{title}<span>2023-12-14</span></p>" + TEXT),
                     "http://www.example.gov.cn/a/1.html")
    assert (record.title, record.body) == (title, BODY)
    # offices' names with their date under a plain headline are its byline, not the title
    page = ("<html><head><title>示例市人民政府网站</title></head><body><div><div>2024年示例市国民经济和社会发展统计公报</div>"
            "<small>示例市统计局 国家统计局示例调查总队 2025-03-25</small>" + f"<div class='c'>{TEXT}</div></div></body></html>")
    assert extract(page, "http://www.example.gov.cn/a/1.html").title == "2024年示例市国民经济和社会发展统计公报"


def test_a_headline_a_script_writes_is_read_as_written_not_as_code():
    """stats.gov.cn's 2023 pages write the h1 by script (`document.write('…')`, with `</br>` in
    some branches) and print their tools as `| Aa 字体： 小 中 大 | 分享到：`, each `|` a line of
    its own, then the text's own headline and its 副题 (——…) over the text."""
    title = "示例局工业司统计师解读工业企业利润数据"
    script = (f"<script>var title1 = '{title}'; var title2 = ''; if (title2.length > 0) {{ document.write("
              f"'{title}</br>'); }} else {{ document.write('{title}'); }}</script>")
    tools = ("<h2><p>2024/03/27 09:30</p><div>|</div></h2><h2><p>Aa</p><span>字体：</span><a href='#'>小</a> <a href='#'>中</a>"
             " <a href='#'>大</a><div>|</div><p>分享到：</p></h2>")
    text = f"<p><b>1—2月份规模以上工业企业利润实现较快增长</b></p><p>——{title}</p>" + TEXT
    for with_meta in (True, False):
        meta = f"<meta name='ArticleTitle' content='{title}'>" if with_meta else ""
        page = (f"<html><head>{meta}<title>示例市统计局</title></head><body><div class='detail'><h1>{script}</h1>"
                f"<div class='des'>{tools}</div><div class='txt'>{text}</div></div></body></html>")
        record = extract(page, "http://www.example.gov.cn/a/1.html")
        assert (record.title, record.published_at, record.body) == (title, "2024-03-27T09:30", BODY), with_meta
    # the headline a plain block the script writes alone ("headline a plain block" stress: stats' title lost)
    page = (f"<html><head><title>示例市统计局</title></head><body><div class='detail'><div class='t'>{script}</div>"
            f"<div class='des'>{tools}</div><div class='txt'>{text}</div></div></body></html>")
    assert extract(page, "http://www.example.gov.cn/a/1.html").title == title
    # the title unknown (a plain headline), the text's headline and its 副题 are still its header
    page = (f"<html><head><title>示例市统计局</title></head><body><div class='detail'><div class='des'>{tools}</div>"
            f"<div class='txt'>{text}</div></div></body></html>")
    assert extract(page, "http://www.example.gov.cn/a/1.html").body == BODY


@pytest.mark.parametrize("row", [f"<tr><td>内容概述：</td><td colspan='3'>{LONG}</td></tr>", f"<tr><td colspan='4'>内容概述：{LONG}</td></tr>"])
def test_a_catalogues_abstract_worded_as_prose_is_metadata_not_the_text(row):
    """A metadata block's 内容概述 is a paragraph of prose, longer than a short text under it
    (现将…印发给你们): it is the catalogue's, and the text is the one under the headline."""
    block = (f"<table><tr><td>索引号：</td><td>11120000MB1896646L/2025-00056</td><td>发布机构：</td><td>示例市交通运输局</td></tr>"
             f"{row}</table>")
    text = "<p>各区交通运输局：</p><p>现将《示例市道路运输管理办法》印发给你们，请认真贯彻执行。</p><p>示例市交通运输局</p><p>2025年9月28日</p>"
    record = extract(_page(f"<h1>关于印发示例市道路运输管理办法的通知</h1>{block}", text), "http://www.example.gov.cn/a/1.html")
    assert record.body == "各区交通运输局：\n现将《示例市道路运输管理办法》印发给你们，请认真贯彻执行。\n示例市交通运输局\n2025年9月28日"
    assert record.written_at == "2025-09-28"


def test_a_trail_whose_separators_the_page_draws_is_read_from_its_links():
    """`<div class="path"><a href="../../../">首页</a><i class="icon-arrow"></i><a href="../../">政务公开</a>…`:
    no name, lead-in or separator says trail; its links going one level deeper each time do.
    A named trail's current page printed plain after its links is its last step; a menu's
    links (siblings, not deeper) are no trail when one of them before its last leads to the
    page's folder, or other links stand between them and the headline."""
    trail = ("<div class='path'><a href='../../../'>首页</a><i class='icon-arrow'></i> <a href='../../'>政务公开</a>"
             "<i class='icon-arrow'></i> <a href='../'>通知公告</a><i class='icon-arrow'></i></div>")
    menu = "<div class='top'><a href='/'>首页</a> <a href='/zwgk/'>政务公开</a> <a href='/xwzx/'>新闻中心</a></div>"
    url = "http://www.example.gov.cn/zwgk/tzgg/202406/t20240605_1.html"
    page = lambda head: f"<html><body>{head}<h1>关于开展安全检查的通知</h1><div id='zoom'>{TEXT}</div></body></html>"
    assert extract(page(menu + trail), url).column == "首页 > 政务公开 > 通知公告"
    assert extract(page(menu), url).column is None
    named = ("<div class='nav-crumbs'><b>当前位置:</b> <a href='../../'>首页</a><i class='icon-arrow'></i> <a href='../'>金融动态</a>"
             "<i class='icon-arrow'></i> 新闻资讯 </div>")
    assert extract(page(named), url).column == "首页 > 金融动态 > 新闻资讯"
    # each column's index in a folder of one name (nda: /sjj/swdt/list/, /sjj/swdt/sjdt/list/)
    listed = ("<div class='path'><a href='/sjj/index.html'>首页</a><i></i> <a href='/sjj/swdt/list/index_1.html'>新闻动态</a><i></i>"
              " <a href='/sjj/swdt/sjdt/list/index_1.html'>司局动态</a><i></i></div>")
    listed_menu = "".join(f"<a href='/sjj/{c}/list/index_1.html'>{n}</a> " for c, n in (("swdt", "新闻动态"), ("zcfb", "政策发布")))
    assert extract(page(listed), url).column == "首页 > 新闻动态 > 司局动态"
    side = "<div class='l'><a href='/sjj/tzgg/'>通知公告</a> <a href='/sjj/zcjd/'>政策解读</a></div>"
    assert extract(page(f"<div class='top'><a href='/sjj/index.html'>首页</a> {listed_menu}</div>{side}"), url).column is None


@pytest.mark.parametrize("line,publisher,source", [
    ("发布时间：2017.09.04 15:30:00　发布：示例市人民政府办公厅", "示例市人民政府办公厅", None),
    ("来源：示例县国土资源局　发布者：执法监察股　发布时间：2015-05-20 16:32:08", "执法监察股", "示例县国土资源局"),
    ("来源：示例县国土资源局　发布者：admin　发布时间：2015-05-20 16:32:08", None, "示例县国土资源局"),
])
def test_who_put_the_page_up_is_its_publisher_when_an_office(line, publisher, source):
    """(template-rendered pages of cqjt, hlgtj) 发布： and 发布者： name who put the page up: an
    office there (a section, 执法监察股, too) is the publisher when no label says 发布机构; a person
    or an account is nobody's."""
    record = extract(_page(f"<h1>关于开展安全检查的通知</h1><div class='data'>{line}</div>"), "http://www.example.gov.cn/a/1.html")
    assert (record.publisher, record.source, record.body) == (publisher, source, BODY)


def test_a_phone_sites_title_names_only_the_site():
    """(贵州气象's phone site, rendered from its template) <title>贵州气象在线 - 手机版</title> names
    the site's phone edition: the block saying title is the document's."""
    page = ("<html><head><title>示例气象在线 - 手机版</title></head><body><div class='news-details-title'>"
            f"示例省气象局召开主汛期气象服务工作部署会</div><div class='news-content'>{TEXT}</div></body></html>")
    assert extract(page, "http://m.example.gov.cn/news/details?id=1").title == "示例省气象局召开主汛期气象服务工作部署会"


def test_a_list_of_pages_drawn_without_anchors_closing_the_text_is_not_its():
    """(西城's page, rendered from its template) Under the text, in its box, the column's latest
    items: each an <h2 onclick="location='…'"> over its date in an <h3>, then a QR code's caption
    (微信公众号 / 扫一扫). A click takes the reader elsewhere, as a link does: the list and the caption
    are the page's."""
    items = "".join(f"<li><div class='dot'></div><h2 onclick=\"location='index_article.php?id={n}'\">示例区教育督导室第{n}号工作动态</h2>"
                    f"<h3>2023-01-{n:02d}</h3></li>" for n in range(1, 5))
    box = (f"<div class='article_content'>{TEXT}<div class='bottom'><ul>{items}</ul><div class='qr'><img src='/qr.jpg'/>"
           "<h2>微信公众号</h2><h3>扫一扫</h3></div></div></div>")
    record = extract(f"<html><body><h1>关于开展安全检查的通知</h1>{box}</body></html>", "http://www.example.gov.cn/a/1.html")
    assert record.body == BODY


def test_a_clocks_empty_label_over_another_region_labels_no_headline():
    """(合肥's page, rendered from its template, its headline a plain div) The menu bar ends with
    当前时间： (the date a script writes); the headline opening the next region is no value of it."""
    page = ("<html><head><title>示例警务网</title></head><body><div class='menubar'>当前时间：<span><script>"
            "document.write(new Date())</script></span></div><div class='box'><div>示例市公安局关于进一步规范电动自行车登记上牌工作的通告</div>"
            f"<p class='info'><span>发布时间：2017-04-12</span> <span>新闻来源：</span></p><div id='contMain'>{TEXT}</div></div></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/1.html")
    assert (record.title, record.published_at) == ("示例市公安局关于进一步规范电动自行车登记上牌工作的通告", "2017-04-12")


def test_a_text_set_between_a_tables_shadow_cells_is_no_table_of_data():
    """(龙岗's 政策法规 page, rendered from its template) The text sits in a layout table's middle
    cell between two empty cells drawing its shadow: a table of one cell a row that prints
    anything, not a record of label and value cells, so the title and 文号 printed over the text
    are its header."""
    title = "示例区住房和建设局关于进一步加强建设工程施工现场扬尘污染防治工作的通知"
    cell = (f"<div id='lawCont'><p style='text-align:center'><strong>{title}</strong></p>"
            f"<p style='text-align:center'>示龙建〔2016〕58号</p>{TEXT}</div>")
    page = ("<html><head><title>示例区住房和建设局-政策法规</title></head><body><span>政策法规</span><table>"
            "<tr><td colspan='3'><img src='/shadow_T.png'></td></tr><tr><td style='background:url(/shadow_R.png)'></td>"
            f"<td>{cell}</td><td></td></tr></table></body></html>")
    record = extract(page, "http://www.example.gov.cn/a/1.html")
    assert (record.title, record.doc_no, record.body) == (title, "示龙建〔2016〕58号", BODY)
    # the cell printing the text twice (a phone's copy the sheet hides): the copy, not the table
    twice = page.replace(cell, f"<div class='pc'>{cell}</div><div class='m'>{cell}</div>")
    assert extract(twice, "http://www.example.gov.cn/a/1.html").body == BODY


def test_a_block_saying_title_broken_by_br_is_read_whole():
    """(hsgaj, rendered from its template, under the 'title broken by <br>' stress) The only
    headline is a div.show_title inside the text's box, the <title> names the site: the block
    saying title is read across its <br>, but not into a byline printed in it."""
    for title_html, title in (("关于开展全市户口登记<br>管理专项整治工作的通知", "关于开展全市户口登记管理专项整治工作的通知"),
                              ("关于开展全市户口登记管理专项整治工作的通知<br>发布时间：2015-04-16", "关于开展全市户口登记管理专项整治工作的通知")):
        page = ("<html><head><title>示例市公安局治安户政支队</title></head><body><div class='content'>"
                f"<div class='show_title'>{title_html}</div><div class='show_flag'>阅读次数：236</div>{TEXT}</div></body></html>")
        assert extract(page, "http://www.example.gov.cn/a/1.html").title == title, title_html


def test_a_documents_kind_is_no_subject():
    """(cqjt's catalogue, rendered from its template: 文件分类：通知) 文件分类 and 文件类别 name the
    document's kind (通知, 意见), as 文种 does: not the 主题分类."""
    block = ("<table><tr><td>文件分类：</td><td>通知</td><td>发布机构：</td><td>示例市交通委员会</td></tr>"
             "<tr><td>主题分类：</td><td>交通</td><td>文件类别：</td><td>意见</td></tr></table>")
    for rows in (block, block.replace("<tr><td>主题分类：</td><td>交通</td>", "<tr>")):
        record = extract(_page(f"<h1>关于做好道路运输安全管理工作的通知</h1>{rows}"), "http://www.example.gov.cn/a/1.html")
        assert (record.subject, record.publisher) == ("交通" if "主题分类" in rows else None, "示例市交通委员会")


def test_a_page_showing_only_its_written_date_has_no_publication_date():
    """(dzs, rendered from its template: 发文日期：2017-02-20 09:41:23 and no 发布日期) The last
    guess at a publication date (htmldate's) read the 成文日期's label: that is no publication."""
    block = "<table><tr><td><b>发布机构：</b>示例市财政局</td><td><b>发文日期：</b>2017-02-20 09:41:23</td></tr></table>"
    record = extract(_page(f"<h1>示例市2017年政府预算公开说明</h1>{block}"), "http://www.example.gov.cn/a/1.html")
    assert (record.written_at, record.published_at, record.publisher) == ("2017-02-20", None, "示例市财政局")


def test_a_trail_ending_at_the_document_does_not_hide_its_title():
    """(cqjt's catalogue page, rendered from its template: title None) The trail's last step is
    the document itself (首页 > 政务公开 > 关于…的通知): a labelled 名称 or a headline saying the
    same is the title, not a column's name to pass over."""
    title = "示例市交通委员会关于做好国庆期间道路运输安全管理工作的通知"
    trail = f"<div class='wz'>当前位置：<a href='/'>首页</a> &gt; <a href='/zwgk/'>政务公开</a> &gt; {title}</div>"
    for head in (f"<table><tr><td>发布机构：</td><td>示例市交通委员会</td></tr><tr><td>名称：</td><td>{title}</td></tr></table>",
                 f"<h1>{title}</h1>"):
        record = extract(f"<html><body>{trail}{head}<div id='zoom'>{TEXT}</div></body></html>", "http://www.example.gov.cn/a/1.html")
        assert (record.title, record.column) == (title, f"首页 > 政务公开 > {title}"), head


def test_bare_links_from_home_to_the_pages_column_are_its_trail():
    """(trail_bare stress: column 0.523, then 0.796) Hanweb's column links (/col/col123/index.html)
    go no folder deeper; printed bare, with nothing naming them, a run of links starting at home
    and ending at the page's ColumnName meta is its trail, and one ending elsewhere is not.
    Without that meta, the run is the trail when it is the last block of links over the
    headline; with a column of links between them, a menu."""
    trail = ("<div class='w1'><a href='/'>首页</a><a href='/col/col1001/index.html'>政务公开</a>"
             "<a href='/col/col1002/index.html'>通知公告</a></div>")
    url = "http://www.example.gov.cn/art/2024/6/5/art_1002_1.html"
    page = lambda meta: (f"<html><head>{meta}</head><body>{trail}<h1>关于开展安全检查的通知</h1>"
                         f"<div id='zoom'>{TEXT}</div></body></html>")
    assert extract(page("<meta name='ColumnName' content='通知公告'>"), url).column == "首页 > 政务公开 > 通知公告"
    assert extract(page("<meta name='ColumnName' content='政策解读'>"), url).column is None
    assert extract(page(""), url).column == "首页 > 政务公开 > 通知公告"
    # the current page named by its kind after the column's step (hubei tjj: … > 全省统计公报 > 正文)
    ending = page("<meta name='ColumnName' content='通知公告'>").replace("通知公告</a></div>", "通知公告</a><a href='#'>正文</a></div>")
    side = "<div class='l'><a href='/col/col1003/index.html'>政策解读</a><a href='/col/col1004/index.html'>政策文件</a></div>"
    assert extract(ending.replace("<h1>", side + "<h1>"), url).column == "首页 > 政务公开 > 通知公告 > 正文"
    side = "<div class='l'><a href='/col/col1003/index.html'>政策解读</a><a href='/col/col1004/index.html'>政策文件</a></div>"
    assert extract(page("").replace("<h1>", side + "<h1>"), url).column is None


@pytest.mark.parametrize("trail,column", [
    # a bullet printed before the trail is no part of its first step (jinhu, rendered from its template)
    ("<ol class='breadcrumb'><span class='dotted'>·</span><a href='/index.html'>首页</a> / <a href='/xwzx/index.html'>"
     "新闻中心</a> / <a href='/xwzx/tzgg/index.html'>通知公告</a> / 正文</ol>", "首页 > 新闻中心 > 通知公告 > 正文"),
    # an attribute saying 当前位置 to a screen reader names the trail; icons separate its steps
    ("<div class='curb' wzades='当前位置'><a href='/c/1'>首页</a><img src='/a.gif'/><a href='/c/2'>政务公开</a>"
     "<img src='/a.gif'/><a href='/c/3'>通知公告</a></div>", "首页 > 政务公开 > 通知公告"),
    # led in, one link, the current page's name plain after it
    ("<div class='now-site'>所在位置：<a href='/'>首页</a><img src='/a.gif'/><span>正文</span></div>", "首页 > 正文"),
    # the last link's words come again in the name after it
    ("<div class='crumb'>所在位置：<a href='/'>首页</a><img src='/a.gif'/><a href='/yw/'>要闻</a><img src='/a.gif'/>"
     "<span>山西要闻</span></div>", "首页 > 要闻 > 山西要闻"),
    # the current page's name is a long office's
    ("<div class='crumb'>当前位置：<a href='/'>首页</a><i></i><a href='/gfxwj/'>市政府规范性文件</a><i></i>"
     "<span>示例市人民政府办公厅（示例市人民政府参事室、示例市人民政府文史研究馆）</span></div>",
     "首页 > 市政府规范性文件 > 示例市人民政府办公厅（示例市人民政府参事室、示例市人民政府文史研究馆）"),
])
def test_a_trail_drawn_with_icons_and_its_current_page_plain(trail, column):
    page = f"<html><body>{trail}<h1>关于开展安全检查的通知</h1><div id='zoom'>{TEXT}</div></body></html>"
    assert extract(page, "http://www.example.gov.cn/zwgk/tzgg/202406/t20240605_1.html").column == column


def test_a_line_of_the_text_naming_a_place_is_no_trail():
    """一、挂牌出让地块位置及规划指标概况： opens with words ending in 位置, a lead-in's word, but no
    colon follows it and no steps: a line of the text, not a trail."""
    text = ("<p>根据国家有关法律、法规的规定，依据城市规划，经示例市人民政府批准，对下列地块采用挂牌方式出让。现将有关事宜公告如下：<br/>"
            "一、挂牌出让地块位置及规划指标概况：</p><p>地块位于示例区示例街道，出让面积12000平方米，用途为商业用地。</p>")
    page = f"<html><body><h1>国有建设用地使用权挂牌出让公告</h1><div id='zoom'>{text}</div></body></html>"
    assert extract(page, "http://www.example.gov.cn/gggs/202406/t20240605_1.html").column is None


def test_the_titles_subtitle_printed_again_over_the_text_is_header():
    """The title and its ——副题 printed again at the head of the text's element: both are header."""
    head = "<p style='text-align:center'><b>关于开展安全检查的通知</b></p><p style='text-align:center'>——示例市2024年安全生产工作综述</p>"
    page = f"<html><body><h1>关于开展安全检查的通知</h1><div id='zoom'>{head}{TEXT}</div></body></html>"
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").body == BODY


@pytest.mark.parametrize("printed", ["{title}", "{title}\n——示例区2024年惠企工作综述", "{half}\n{rest}"])
def test_a_short_texts_headline_printed_again_over_it_is_not_its_first_prose(printed):
    """www.innocom's news item (one paragraph and its 附件 lines, under 300 characters of prose)
    with its headline, which holds a comma, printed again over the text: whole, with a 副题, or
    over two lines. The headline is no prose of the text's, and the text still starts after it."""
    case = next(c for c in all_cases() if c.name == "real/www.innocom.gov.cn/unseen3_yw_news.html")
    tree = parse_html(case.html)
    first = tree.xpath("//div[@id='detailContent']/p")[0]
    title = case.fields["title"]
    for line in printed.format(title=title, half=title[:len(title) // 2], rest=title[len(title) // 2:]).split("\n"):
        first.addprevious(lxml.html.fragment_fromstring(f"<p style='text-align:center'><b>{line}</b></p>"))
    record = extract(lxml.html.tostring(tree, encoding="utf-8"), case.url)
    assert squeeze(record.body).startswith(case.body_start) and squeeze(record.body).endswith(case.body_end)


def _site_titled(body: str) -> str:
    """A page whose <title> names only the site: its title is found in its own lines."""
    return f"<html><head><meta charset='utf-8'><title>示例市人民政府网站</title></head><body>{body}</body></html>"


def test_a_plain_headline_over_a_long_catalogue_is_still_found_by_where_it_stands():
    """xxgk.mot: a headline in a plain div, then a 文号 line and the catalogue printed twice (for
    the page and for its share poster: labels and values in blocks of their own, the values of
    one led by their colon), then the text; the <title> names the site only. A catalogue's rows do
    not count toward the lines between a title and its text, and its values are no title."""
    rows = (("索引号", "000019713O07/2023-00057"), ("文号", "示公路发〔2023〕131号"), ("公开日期", "2023年09月20日"),
            ("主题词", "数字化;智慧公路"), ("机构分类", "公路局"), ("主题分类", "其他政策性文件"), ("公文类型", "部文件"))
    poster = "".join(f"<p>{label}</p><div class='li'>：{value}</div>" for label, value in rows)
    page_rows = "".join(f"<div class='form-group'>{label}：</div><p class='v'>{value}</p>" for label, value in rows)
    page = _site_titled("<div>示例部关于推进公路数字化转型加快智慧公路建设发展的意见</div><p>文号：示公路发〔2023〕131号</p>"
                        f"<div class='poster'>{poster}</div><div class='meta'>{page_rows}</div><div class='view'>{TEXT}</div>")
    record = extract(page, "http://www.example.gov.cn/a/t20230920_1.html")
    assert record.title == "示例部关于推进公路数字化转型加快智慧公路建设发展的意见"


def test_a_plain_headline_over_its_date_in_brackets_heads_the_text_under_a_led_in_trail():
    """wsjkw.sh: a trail led in (您现在所在的位置：) over a plain div holding the headline, a date
    line in brackets under it (( 2022-04-26)), then the text; the <title> names the site only.
    The headline is the title and the header, the trail's lead-in no title."""
    headline = "示例市2022年4月25日，新增本土确诊病例1661例 新增本土无症状感染者15319例"
    page = _site_titled("<ol class='crumbs'>您现在所在的位置：<li><a href='/'>首页</a></li><li><a href='/xwzx/'>新闻中心</a></li>"
                        f"<li><a href='/xwzx/xwfb/'>新闻发布</a></li></ol><div class='box'><div>{headline}</div>"
                        f"<div>( 2022-04-26)</div>{TEXT}</div>")
    record = extract(page, "http://www.example.gov.cn/xwzx/xwfb/20220426/1.html")
    assert record.title == headline and record.body == BODY


def test_a_plain_headline_over_a_summary_table_of_data_is_the_title_not_a_cells_heading():
    """www.ccgp: a plain div headline, then the notice's summary as a table of data (its sections'
    headings in cells of their own: 代理机构联系方式), then the text; the <title> names the site."""
    rows = "".join(f"<tr><td class='title' colspan='4'>{section}</td></tr><tr><td>联系人</td><td>黄先生</td>"
                   f"<td>电话</td><td>0745-221095{n}</td></tr>" for n, section in enumerate(("采购人信息", "代理机构联系方式"))) * 3
    page = _site_titled("<div>示例县公路建设养护中心乡村基础设施建设二期项目安防工程十标成交公告</div><p>2021年06月10日 17:35</p>"
                        f"<table>{rows}</table><div class='vF_detail_content'>{TEXT}</div>")
    record = extract(page, "http://www.example.gov.cn/cggg/dfgg/cjgg/202106/t20210610_1.html")
    assert record.title == "示例县公路建设养护中心乡村基础设施建设二期项目安防工程十标成交公告"


def test_a_lesser_heading_saying_title_that_names_the_column_is_not_the_title():
    """chinajob: <h2 class="list_title">重要新闻</h2> names the column beside the text; the title is
    the line printed over the text (an h4 here), when the <title> names only the site."""
    page = _site_titled("<div class='side'><h2 class='list_title'>重要新闻</h2></div><div class='detail'>"
                        "<h4>《2024年提升全民数字素养与技能工作要点》部署6方面重点任务</h4><div class='info'>2024-05-10</div>"
                        f"<div class='detail_article'>{TEXT}</div></div>")
    assert extract(page, "http://www.example.gov.cn/a/t20240510_1.html").title == "《2024年提升全民数字素养与技能工作要点》部署6方面重点任务"


@pytest.mark.parametrize("tool", ["字号：<a href='#'>大</a> <a href='#'>中</a> <a href='#'>小</a>", "阅读次数：123"])
def test_a_tool_line_over_a_speechs_dateline_leaves_the_dateline_to_the_text(tool):
    """www.cmse: a statement's text opens with its dateline and speaker (2012年6月24日 / 新闻发言人
    武平); a tool's line over them (字号：大 中 小) is no metadata whose date the dateline would be."""
    speech = ("<p style='text-align:center'>2012年6月24日</p><p style='text-align:center'>中国载人航天工程新闻发言人 武平</p>"
              "<p>女士们、先生们：</p><p>很高兴又一次和大家见面。受任务总指挥部委托，我向大家介绍任务的有关情况，下面我愿意回答大家的提问。</p>")
    page = (f"<html><body><h1>交会对接任务第二场新闻发布会</h1><div id='content'><div>{tool}</div>{speech}</div></body></html>")
    body = extract(page, "http://www.example.gov.cn/xwfbh/201206/t20120624_1.html").body
    assert body.startswith("2012年6月24日\n中国载人航天工程新闻发言人 武平\n女士们")


def test_a_publication_date_in_the_tool_bar_under_the_text_is_the_pages():
    """`<div class="fx"><span>发布时间：2024-04-30 10:10</span> 分享…</div>` under the text, inside
    its element: the page's publication date (a 成文日期 signs the text above it); a bare 时间：
    line there is the time of what the text announces, no publication date."""
    text = TEXT + "<p>示例市商务局</p><p>2024年4月25日</p>"
    bar = "<div class='fx'><span>发布时间：2024-04-30 10:10</span> <a href='#'>分享</a> <em>|</em> <a href='#'>打印</a></div>"
    record = extract(_page("<h1>关于开展安全检查的通知</h1>", text + bar), "http://www.example.gov.cn/a/1.html")
    assert (record.published_at, record.written_at) == ("2024-04-30T10:10", "2024-04-25")
    assert record.body.endswith("示例市商务局\n2024年4月25日")
    event = "<p>时间：2024年5月20日上午9:00</p>"
    record = extract(_page("<h1>关于开展安全检查的通知</h1>", TEXT + event), "http://www.example.gov.cn/a/1.html")
    assert record.published_at is None



def test_an_anchor_named_for_a_bookmark_is_the_texts_words_not_a_link():
    """A Word export wraps a line in a bookmark (`<a name="topic1">各有关单位</a>：`): no href, no
    link (hzj.nea's salutation weighed as links kept its one-paragraph notice from widening to its
    salutation and signature). A link with an href, even `#`, still is one."""
    tree = parse_html("<html><body><div><p><a name='topic1'>国网示例分部，示例省电网企业、相关经营主体</a>：</p>"
                      "<p><a href='#'>微信</a> <a href='/b.html'>微博</a></p></div></body></html>")
    assert [b.link_chars for b in blocks(tree.body)] == [0, 4]
    assert [line.link_chars for line in container_lines(tree.body)] == [0, 4]


def test_a_hidden_copy_of_a_links_words_makes_no_title_of_a_list_item():
    """A side list's item saying title (<span class="title"><a>…</a><span class="ng-hide">…</span>): the
    hidden copy shows nothing, so the item is all link, no title (nfra's Angular lists)."""
    from pipeline.title import _titled_blocks

    tree = parse_html("<html><body><div class='list'><span class='title'><a href='/d/1.html'>原示例局局长接受纪律审查和监察调查</a>\n"
                      "<span class='ng-hide'>原示例局局长接受纪律审查和监察调查</span></span></div>"
                      "<div class='wz-title'>示例局行政处罚信息公开表</div></body></html>")
    assert _titled_blocks(tree) == ["示例局行政处罚信息公开表"]


@pytest.mark.parametrize("line,day", [
    ("2024年06月05日 星期三", "2024-06-05"), ("2024-06-05 10:30:00 来源：示例日报", "2024-06-05T10:30:00"),
    ("[2024-06-05]", "2024-06-05"), ("June 5, 2024", "2024-06-05"), ("2024-06-05 作者：张三", "2024-06-05"),
    ("2024年6月5日 10:30", "2024-06-05T10:30"), ("2024/06/05 15:30 | 编辑：李四", "2024-06-05T15:30"),
    ("示例市人民政府 2024-06-05", "2024-06-05"), ("2024年06月05日 来源：本站", "2024-06-05"),
    ("2024-06-05 | 阅读 123", "2024-06-05"),
    # the site's address ahead of a timed date in words, the source and a comment count after (sina, qq, 2009)
    ("http://www.example.com.cn 2009年11月09日13:48 示例娱乐", "2009-11-09T13:48"),
    ("http://ent.example.com　2009年11月09日11:30　示例音乐　我要评论(0)", "2009-11-09T11:30"),
])
@pytest.mark.parametrize("own_element", [True, False])
def test_a_date_line_under_the_headline_is_the_header_s(line, day, own_element):
    """A date line printed between the headline and the text, in its own element or as the first
    paragraph of the text's: the page's publication date, not the text's first line."""
    date_line = f"<div class='info'>{line}</div><div class='content'>{TEXT}</div>" if own_element else f"<p>{line}</p>{TEXT}"
    html = f"<html><body><div class='article'><h1>示例市关于做好安全生产工作的通知</h1>{date_line}</div></body></html>"
    record = extract(html, "http://www.example.gov.cn/a/1.html")
    assert (record.body, record.published_at) == (BODY, day)


_DATE_LINE = "<div class='info'>2024-06-05 来源：示例市应急管理局</div>"


@pytest.mark.parametrize("subtitle,date_line", [
    ("<h4>全市上下凝心聚力推动高质量发展</h4>", _DATE_LINE), ("<h2>凝心聚力推动高质量发展</h2>", _DATE_LINE),
    ("<p class='fbt'>凝心聚力推动高质量发展</p>", _DATE_LINE), ("<h4>全市上下凝心聚力推动高质量发展</h4>", ""),
    ("<h2>凝心聚力推动高质量发展</h2>", "")])
def test_a_subtitle_without_a_dash_is_the_header_s(subtitle, date_line):
    """The title's 副题 printed without a dash under the headline, over the date line or (as a
    heading of its own) over the text: the header's, neither the text's first line nor its date's
    place taken. (A paragraph right over the text, with no date line under it, may be the text's.)"""
    html = (f"<html><body><div class='article'><h1>示例市关于做好安全生产工作的通知</h1>{subtitle}{date_line}"
            f"<div class='content'>{TEXT}</div></div></body></html>")
    record = extract(html, "http://www.example.gov.cn/a/1.html")
    assert (record.title, record.body, record.published_at) == ("示例市关于做好安全生产工作的通知", BODY,
                                                                 "2024-06-05" if date_line else None)


def test_a_short_heading_under_the_title_opens_the_text():
    """A heading of a few words under the title (中心简介) is the text's first part's, kept."""
    html = ("<html><body><div class='article'><h1>示例市关于做好安全生产工作的通知</h1><h3>中心简介 | About Us</h3>"
            f"{TEXT}</div></body></html>")
    assert extract(html, "http://www.example.gov.cn/a/1.html").body.startswith("中心简介 | About Us")


def test_groups_of_links_under_headings_closing_the_text_are_the_site_s():
    """A promotion box inside the text's element (163): links, a heading, links, and more groups
    of two links under their headings (证券要闻 / … / 行业动态 / …): one list, the site's."""
    html = ("<html><body><h1>关于做好安全生产工作的通知</h1><div class='c'><p>" + LONG + "</p>" + TEXT
            + "<p><a href='/m/1.html'>网易财经</a></p><p><a href='/m/2.html'>会赚钱的客户端：</a></p>"
            "<p><a href='/m/3.html'>示例携手华泰证券</a></p><h3>重点推荐</h3><p><a href='/n/1.html'>更多精彩资讯请点击</a> 示例股票</p>"
            "<p>证券要闻</p><p><a href='/n/2.html'>沪指3周重挫近30% 券商大佬齐聚证监会</a></p><p><a href='/n/3.html'>证监会又出五大招救市</a></p>"
            "<p>行业动态</p><p><a href='/n/4.html'>航空股：即将迎来航空旺季</a></p><p><a href='/n/5.html'>光伏产业获政策强力扶持</a></p>"
            "</div></body></html>")
    assert extract(html, "http://www.example.gov.cn/a/1.html").body == LONG + "\n" + BODY


_SITE_ONLY = "<html><head><title>示例市人民政府网站</title></head><body>"


@pytest.mark.parametrize("headline,under,title,day", [
    # an e-paper's 引题 and 副题 named as such around the headline, all plain blocks (Founder's PreTitle/SubTitle)
    ("<div class='totalTitle'><p id='PreTitle'>乡村振兴看西藏</p><div id='Title'>“厕所革命”改善农牧区人居环境</div>"
     "<p class='subtitle' id='SubTitle'>去年改造户用卫生厕所4.66万座</p></div>", "<div>2022-02-13</div>",
     "“厕所革命”改善农牧区人居环境", "2022-02-13"),
    # a byline: the source's name run into a date in words with its time (qq), or after it, a tool beside (sina)
    ("<div>DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶</div>", "<div><span>TNW中文站</span><span>2016年10月14日07:17</span></div>",
     "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶", "2016-10-14T07:17"),
    ("<div>谷歌两年花170亿美元并购 超五大公司总和</div>", "<div>2014年01月16日 04:04 新浪科技 <a href='#'>微博</a></div>",
     "谷歌两年花170亿美元并购 超五大公司总和", "2014-01-16T04:04"),
    # a headline asking midway (gmw)
    ("<div>宇航员在太空中喝酒会怎么样？后果很严重</div>", "<div>2017-03-10 09:58　来源：网易科学人</div>",
     "宇航员在太空中喝酒会怎么样？后果很严重", "2017-03-10T09:58"),
])
def test_a_plain_headline_is_found_over_its_byline(headline, under, title, day):
    """A page whose <title> names only the site and whose headline is a plain block: the title
    is the line over the byline, past a 引题 and a 副题 named so; a byline's date in words with
    its time beside a name is the page's date, not a title."""
    html = _SITE_ONLY + headline + under + f"<div class='content'>{TEXT}</div></body></html>"
    record = extract(html, "http://www.example.gov.cn/a/1.html")
    assert (record.title, record.published_at, record.body) == (title, day, BODY)


def test_a_plain_headline_inside_the_text_s_element_over_a_labelled_date_is_the_title():
    """The headline a plain block at the head of the element holding the text, over a labelled
    date line (yndaily): the title, as a heading there would be."""
    html = (_SITE_ONLY + "<div class='layer4'><div class='crumb'><a href='/'>首页</a> &gt; <a href='/ywyn/'>要闻云南</a> &gt; 正文</div>"
            "<div class='t'>17种产品、1个园区入选国家绿色制造名单</div><div>发布时间：2022-02-13 04:22:18　来源：云南日报</div>"
            f"{TEXT}</div></body></html>")
    record = extract(html, "http://www.example.gov.cn/a/1.html")
    assert (record.title, record.body) == ("17种产品、1个园区入选国家绿色制造名单", BODY)


@pytest.mark.parametrize("name", ["real/www.sxmu.edu.cn/unseen30_jianchafa.html", "real/bynews.bjmu.edu.cn/unseen56_article_4651.html"])
def test_a_box_of_prose_before_the_title_in_the_text_s_element_is_not_the_text(name):
    """An office's 简介 printed in a side column first in the element that holds the headline
    and the text (tests.stresses.side_box on real pages: no link tells it from the text): a
    document prints no sentence before its title, so the text starts under the title. A decree's
    preamble naming what it publishes (《…办法》已经…通过，现予公布) is the text's own (gz.gov.cn's 令)."""
    case = next(case for case in real_cases() if case.name == name)
    stressed = side_box(case)
    assert stressed.html != case.html
    assert edges_right(extract(stressed.html, stressed.url).body, stressed)[0]
    decree = next(case for case in real_cases() if case.name == "real/www.gz.gov.cn/guangzhou-gz_gdsite_detail_18.html")
    assert edges_right(extract(decree.html, decree.url).body, decree)[0]


def test_a_signature_under_the_title_stays_the_text_s():
    """An office and its date in words under the title (a statistical bulletin's signature
    printed first) is the document's own: it opens the body."""
    html = ("<html><body><div class='article'><h1>示例市2024年国民经济和社会发展统计公报</h1><p>示例市统计局 2025年3月1日</p>"
            f"{TEXT}</div></body></html>")
    assert extract(html, "http://www.example.gov.cn/a/1.html").body.startswith("示例市统计局 2025年3月1日")


@pytest.mark.parametrize("line", ["Previous: 示例市召开安全生产工作会议", "←返回列表", "【打印本页】【关闭窗口】", "上一条：示例 下一条：示例",
                                  "初审：张三 复审：李四 终审：王五", "本文链接：http://www.example.gov.cn/a/1.html",
                                  "声明：本文转载自其他网站，仅代表作者个人观点，不代表本网立场。",
                                  "特别声明：以上内容仅代表作者本人观点，不代表示例网观点或立场。", "如有侵权，请联系删除。",
                                  "欢迎关注“示例发布”微信公众号", "本文转自：示例发布", "文字：张三　图片：李四",
                                  "网友评论 请您文明上网、理性发言并遵守相关规定", "0人跟贴 | 0人参与", "阅读 327",
                                  "（本文经示例日报授权转载）", "<a href='http://mp.weixin.qq.com/s/1'>点击阅读原文</a>",
                                  "（微信扫描分享）", "【编辑：王珏 QQ：1485994861；TEL：13810405128/010-84990788—1369】",
                                  "（原题为《示例市安全生产工作谈了啥？》）", "(本文来自示例新闻，更多原创资讯请下载“示例新闻”APP)",
                                  "3、回复【社保】查询社保缴纳记录", "点击菜单栏【便民服务】解锁更多服务！", "看都看完了，点【在看】试试",
                                  "来源|示例参考、示例发布", "扫描下方二维码解锁更多技能",
                                  "声明：示例时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。",
                                  "图片均来自网络", "阅读数(15878）"])
@pytest.mark.parametrize("own_element", [True, False])
def test_the_page_s_line_under_the_text_is_no_text(line, own_element):
    """A pager, a tool, an editor's review chain printed under the text, in its own element or as
    the last paragraph of the text's: the page's, not the document's."""
    inner = f"<div class='content'>{TEXT}</div><div class='tools'>{line}</div>" if own_element else f"{TEXT}<p>{line}</p>"
    html = f"<html><body><div class='article'><h1>示例市关于做好安全生产工作的通知</h1>{inner}</div></body></html>"
    assert extract(html, "http://www.example.gov.cn/a/1.html").body == BODY


@pytest.mark.parametrize("lead", ["当前位置：", "您现在的位置是：", "您当前所在位置：", "当前路径：", "Location: ", ""])
@pytest.mark.parametrize("separator", [" &gt; ", " &gt;&gt; ", " » ", " / ", " → ", " - ", "＞", " －&gt; "])
@pytest.mark.parametrize("home", ["首页", "网站首页", "学院首页"])
def test_a_trail_led_in_and_separated_as_sites_print_it(lead, separator, home):
    links = [f"<a href='/'>{home}</a>", "<a href='/zwgk/'>政务公开</a>", "<a href='/zwgk/tzgg/'>通知公告</a>"]
    html = (f"<html><body><div class='wz'>{lead}{separator.join(links)}</div><div class='article'>"
            f"<h1>示例市关于做好安全生产工作的通知</h1><div class='content'>{TEXT}</div></div></body></html>")
    assert extract(html, "http://www.example.gov.cn/zwgk/tzgg/1.html").column == f"{home} > 政务公开 > 通知公告"


def test_a_text_in_an_element_its_template_names_a_footer_is_still_the_text():
    """A template splitting its content into content-top (the headline) and content-footer (the
    text): when every line of prose is inside a margin's name, the text is still read."""
    html = ("<html><body><div class='nav'><a href='/'>首页</a></div><div class='content'><div class='content-top'>"
            f"<h3>示例市关于做好安全生产工作的通知</h3></div><div class='content-footer'>{TEXT}</div></div>"
            "<div class='footer'>版权所有 示例市人民政府</div></body></html>")
    assert extract(html, "http://www.example.gov.cn/a/1.html").body == BODY


@pytest.mark.parametrize("named", ["alt='fj1.pdf'", "title='示例市安全生产检查表.pdf'"])
def test_a_file_link_a_script_fetches_ending_the_text_is_no_text(named):
    """附件：<a href="javascript:;" alt="….pdf">《…》</a> after the signature: a download the page's
    script fetches, named as a file by its alt or title, is no more the text than a plain one."""
    files = f"<p>附件：<a class='nfw-cms-attachment' href='javascript:;' {named}>《示例市安全生产检查表》</a></p>"
    assert extract(_page("", TEXT + files), "http://www.example.gov.cn/a/t20240605_1.html").body == BODY


@pytest.mark.parametrize("author", ["(作者：方敏 北京大学经济学院教授)", "作者：上官云 宋宇晟"])
@pytest.mark.parametrize("editor", ["", "<p>【编辑:陈海峰】</p>", "<p>编辑：赵丹</p>"])
def test_an_author_s_line_closing_an_article_is_its_signature(author, editor):
    """(作者：…) under an article's last sentence signs it, as an office's 落款 signs a document:
    the text's own. The editors' credits under it are the site's; over the text, 作者：… is the byline."""
    html = (f"<html><body><div class='article'><h1>示例市关于做好安全生产工作的通知</h1><div class='content'>{TEXT}"
            f"<p>{author}</p>{editor}</div></div></body></html>")
    assert extract(html, "http://www.example.gov.cn/a/1.html").body == f"{BODY}\n{author}"
    byline = html.replace(f"<div class='content'>{TEXT}<p>{author}</p>", f"<div class='content'><p>{author}</p>{TEXT}")
    assert extract(byline, "http://www.example.gov.cn/a/1.html").body == BODY


def test_a_link_to_another_page_closing_the_text_is_the_site_s():
    """A line that is one link of words under the text's last sentence promotes another page
    (看明星八卦…，上手机新浪网娱乐频道 ent.sina.cn; 有关负责同志就《…》答记者问); an address the text
    prints to cite a source (链接：http://…) is its own."""
    promo = "<p><a href='http://ent.example.com/wap.html'>看明星八卦、查影讯电视节目，上手机示例网娱乐频道 ent.example.cn</a></p>"
    page = _page("", TEXT + promo)
    assert extract(page, "http://www.example.gov.cn/a/t20240605_1.html").body == BODY
    cited = "<p>链接：<a href='http://std.example.gov.cn/gb/1'>http://std.example.gov.cn/gb/1</a></p>"
    assert extract(_page("", TEXT + cited), "http://www.example.gov.cn/a/t20240605_1.html").body.endswith("http://std.example.gov.cn/gb/1")


URL = "http://www.example.gov.cn/a/t20240605_1.html"


def test_a_title_s_search_words_after_the_site_s_name_are_no_title():
    """…的通知 - 中国农药信息网_生物农药,有机农药,农药价格: the words a site lists for search engines
    after its name in the <title> go with the name."""
    page = ("<html><head><title>示例所关于做好农药进出口工作的通知 - 示例农药信息网_生物农药,有机农药,农药价格,农药销售</title>"
            f"</head><body><div id='zoom'>{TEXT}</div></body></html>")
    assert extract(page, URL).title == "示例所关于做好农药进出口工作的通知"


def test_a_salutation_under_an_empty_source_label_is_the_text_s():
    """来源：(empty) over the text's salutation (各有关单位：) leaves the source empty and the
    salutation where it is: a line ending in a colon is no label's value."""
    html = ("<html><body><div class='main'><h1>示例市关于做好安全生产工作的通知</h1><span>发布时间：2024-06-05</span>"
            "<span>作者：国际处</span><span>来源：  </span><p>各省级农药检定管理机构，相关农药生产和进出口企业：</p><p>现将有关事项通知如下，请认真贯彻落实。"
            "各地要把安全生产摆在突出位置，层层压实责任，确保各项措施落到实处。</p></div></body></html>")
    record = extract(html, URL)
    assert record.source is None and record.body.startswith("各省级农药检定管理机构，相关农药生产和进出口企业：")


@pytest.mark.parametrize("labelled, printed, expected", [
    ("〔〕 号", "示教函〔2019〕37号", "示教函〔2019〕37号"),  # the template's empty frame: the number line printed over the text
    ("", "示农药检（药效）函[2020]123号", "示农药检（药效）函〔2020〕123号"),  # an office's part in brackets
])
def test_a_doc_no_as_printed_over_the_text(labelled, printed, expected):
    meta = f"<ul><li>索引号：</li><li>发文字号： {labelled}</li></ul>" if labelled else ""
    assert extract(_page(meta, f"<p align='right'>{printed}</p>" + TEXT), URL).doc_no == expected


def test_numbered_annexes_each_a_link_ending_the_text_are_downloads():
    """<a href="javascript:;">附件1：…（征求意见稿）</a>; … after the text's contacts: a list of its
    files to download, whatever the link's href."""
    annexes = "".join(f"<p><a href='javascript:;'>附件{n}：示例农药田间药效试验准则（征求意见稿）</a>；</p>" for n in (1, 2, 3))
    assert extract(_page("", TEXT + "<p>电子邮箱：test@example.com</p>" + annexes), URL).body == BODY + "\n电子邮箱：test@example.com"


def test_a_source_label_that_is_a_menu_s_word_counts_before_its_colon_only():
    """原创：39健康网 names the source; a menu's 原创 | 观天下 does not."""
    byline = "<h4><span>原创：</span><span>示例健康网</span><span>2024-04-23 12:27:25</span></h4>"
    record = extract(_page(f"<h1>示例市关于做好安全生产工作的通知</h1>{byline}"), URL)
    assert (record.source, record.published_at) == ("示例健康网", "2024-04-23T12:27:25")
    menu = "<ul class='menu'><li><a href='/yc/'>原创</a></li><li><a href='/gtx/'>观天下</a></li></ul>"
    assert extract(_page(menu + "<h1>示例市关于做好安全生产工作的通知</h1>"), URL).source is None


@pytest.mark.parametrize("byline, published", [
    ("39健康网 2024-04-23 12:27:25", "2024-04-23T12:27:25"),  # a name with figures beside the date
    ("来源：示例会计网 2026-09-02 08:10 作者：编辑组", "2026-09-02T08:10"),  # the source's value up to the next label
    ("2024-05-09 22:30·新华社", "2024-05-09T22:30"),  # a dot between the date and the name
])
def test_the_byline_s_date_with_its_time(byline, published):
    page = _page(f"<h1>示例市关于做好安全生产工作的通知</h1><div class='info'>{byline}</div>")
    assert extract(page, URL).published_at == published


def test_an_abstract_over_the_text_printed_again_in_it_is_no_text():
    """An editor's abstract in a box over the text, its words the text's first paragraph once more."""
    abstract = "示例市召开安全生产工作会议，部署全年安全生产重点任务，要求各地压实责任、排查隐患。"
    text = f"<div class='tips'><p>{abstract}</p></div><p>本文首发于示例公众号</p><p>{abstract}</p>" + TEXT
    body = extract(_page("<h1>示例市召开安全生产工作会议</h1>", text), URL).body
    assert body.startswith("本文首发于示例公众号") and body.count(abstract) == 1


def test_a_heading_over_links_at_the_text_s_head_is_the_site_s():
    """热点栏目 / 资金流向 千股千评 … / 客户端 over the text's first line: the site's links."""
    links = ("<div><span>热点栏目</span><div class='hot'></div> <a href='/a'>资金流向</a> <a href='/b'>千股千评</a> <a href='/c'>个股诊断</a></div>"
             "<a href='/m'>客户端</a>")
    assert extract(_page("<h1>示例市关于做好安全生产工作的通知</h1>", links + TEXT), URL).body == BODY


def test_an_office_s_signature_with_its_other_name_in_brackets():
    annex = "".join(f"<p>{n}.负责示例工作第{n}项。</p>" for n in range(1, 10))
    text = TEXT + "<p>党工部（人力资源部）</p><p>2020年7月12 日</p><p>附件1：岗位职责</p>" + annex
    assert extract(_page("", text), URL).written_at == "2020-07-12"


def test_a_reposted_original_s_notice_is_the_site_s():
    line = "<div class='art_copyright'>示例健康网（www.example.net）原创内容，未经授权不得转载，违者必究。内容合作请联系：020-85501999或media@example.net</div>"
    assert extract(_page("", TEXT + line), URL).body == BODY


NAV = "<div class='topnav'>" + "".join(f"<a href='/{n}.html'><span>{w}</span></a>" for n, w in
                                        enumerate(("首 页", "新闻快递", "学院简介", "市民学堂", "培训项目", "学分银行", "政策理论", "走进唐山"))) + "</div>"


@pytest.mark.parametrize("page", [
    # the headline at the head of the text's element, over a counter and a date in words
    # a channel's name and its date in an unclosed bracket between the headline's cell and the text's
    f"{NAV}<table><tr><td>关于组建示例市社区教育专家库的通知</td></tr><tr><td>示例网河北频道 ( 2012-06-04 09:20:26</td></tr>"
    f"<tr><td class='text'>{TEXT}</td></tr></table>",
    # the site's offers between the byline and the text, which prints its own short title first
    f"{NAV}<div>关于组建示例市社区教育专家库的通知</div><div class='sml'>来源：示例会计网 2026-09-02 08:10</div>"
    f"<div>2026会计考试三色笔记/思维导图/历年真题免费领取</div><p>微信扫码立即领</p><article><div>示例市社区教育专家库管理办法</div>{TEXT}</article>",
])
def test_a_plain_headline_over_the_page_s_header_lines_is_the_title(page):
    """Headings printed as plain blocks, a <title> naming only the site: the block over the
    byline and the site's offers is the headline, whatever they print between it and the text."""
    html = f"<html><head><title>示例市人民政府网站</title></head><body>{page}</body></html>"
    assert extract(html, URL).title == "关于组建示例市社区教育专家库的通知"


def test_a_plain_headline_over_a_counter_and_a_date_in_words_is_the_title():
    """唐山教育网's headline at the head of the text's element, over 浏览次数：2355 发布时间：2018年07月02日,
    with its headings plain and its <title> the site's: the line over the byline, not the menu above it."""
    case = next(case for case in real_cases() if case.name == "real/www.tslnedu.com.cn/unseen69_tzgg567158.html")
    stressed = plain_headline(case)
    assert extract(stressed.html, stressed.url).title == case.fields["title"]


SIGNED = TEXT + "<p>示例市教育局</p><p>2024年6月5日</p>"
SIGNED_BODY = BODY + "\n示例市教育局\n2024年6月5日"


@pytest.mark.parametrize("after", [
    # a 附件 heading under the signature over a link to the annex, whatever it leads to
    "<div>附件：<br><a href='javascript:;'>示例市安全生产工作实施方案</a><br></div>",
    # a tail heading under the signature over the site's lists, a video's blurb among them
    "<p>相关阅读：</p><p><a href='/1.html'>• 示例市召开安全生产工作会议</a></p><p>热点视频</p>"
    "<p><a href='/v.html'>《示例》20201124期</a></p><p>本期将迎来收官之作，节目组邀请到著名演员作客。</p><p>一周热点排行</p>",
    # the site's tip to its readers, in brackets
    "<p>【温馨提示】：各位家长及同学们想要及时了解最新内容，可以加QQ群：667648177，我们会在第一时间送上。</p>"
    "<p>大家可以收藏本栏目，我们会随时发布最新动态。</p>",
])
def test_what_the_site_prints_under_a_signed_text_is_no_text(after):
    assert extract(_page("", SIGNED + after), URL).body == SIGNED_BODY


def test_an_e_mail_contact_closing_the_text_is_the_text_s():
    """有意者可发简历至：<a href="mailto:…">hr@…</a>, a link under the last sentence: the text's contact."""
    contact = "<p>有意者可发简历至：<a href='mailto:hr@example.org.cn'>hr@example.org.cn</a> 须注明应聘岗位</p>"
    assert extract(_page("", TEXT + contact), URL).body == BODY + "\n有意者可发简历至：hr@example.org.cn 须注明应聘岗位"


def test_a_labelled_date_run_into_its_label_is_the_header_s():
    """[发布时间2020年1月19日] under the title, no colon (a Kunshan school's page): the header's date
    line, not the text's first."""
    case = next(case for case in real_cases() if case.name == "real/sx.ksedu.cn/unseen71_zj435907.html")
    record = extract(case.html, case.url)
    assert "".join(record.body.split()).startswith(case.body_start) and record.title == case.fields["title"]


def test_an_empty_source_label_takes_no_sentence_under_it():
    html = ("<html><body><div class='list'><p align='center'>示例研修班开始报名啦</p><div align='center'>时间：2019-09-27 17:43:21"
            "&nbsp;&nbsp;来源：</div><p align='left'><p>为进一步加强和改善社会组织的管理能力和服务水平，示例局定于10月15日至18日举办研修班。</p>"
            f"{TEXT}</p></div></body></html>")
    assert extract(html, URL).source is None


def test_a_trail_joined_by_an_arrow_drawn_in_dashes():
    page = _page("<div class='more-tag'>当前位置：<a href='/'>首页</a> --&gt; <a href='/tzgg/'> 通知公告 </a> --&gt; 正文</div>")
    assert extract(page, URL).column == "首页 > 通知公告 > 正文"


def test_an_announcement_s_number_printed_under_its_name():
    """民政部公告 / 第482号 over the text, as a decree prints 国务院令 / 第707号: one 文号, not the text's."""
    record = extract(_page("", "<p>示例部公告</p><p>第482号</p>" + TEXT), URL)
    assert (record.doc_no, record.body) == ("示例部公告第482号", BODY)


def test_an_icon_font_s_glyph_before_the_byline_s_date():
    """<i class="iconfont">&#xe61d;</i>2019-09-25 10:57:01: a clock drawn by a font, not a character."""
    page = _page("<h2>示例市关于做好安全生产工作的通知</h2><p class='source'>编辑：donghk</p>"
                 "<p class='time'><span><i class='iconfont'>&#xe61d;</i>2019-09-25 10:57:01</span></p>")
    assert extract(page, URL).published_at == "2019-09-25T10:57:01"


def test_a_repost_s_note_of_the_original_title_is_no_text():
    """本文原标题：《…》 over a reposted text: the platform's note, not the text's first line."""
    assert extract(_page("", "<p>本文原标题：《示例市安全生产工作会议召开......》</p>" + TEXT), URL).body == BODY


def test_a_source_in_brackets_with_an_icon_after_it():
    """来源：[ 人民网 ]&#xe5c2; — the brackets and an icon font's glyph are no part of the name."""
    page = _page("<div class='info'>2005年03月11日12:12 来源：[ 示例网 ]&#xe5c2;</div>")
    assert extract(page, URL).source == "示例网"


def test_a_name_placing_a_widget_names_no_trail():
    """trc_attribution_position_top (Taboola's box under the text) says where a widget sits, not
    that it is the trail: the page's own trail, a plain 'links' bar, is read."""
    taboola = ("<div class='trc_rbox_header'><a class='trc_desktop_attribution_link trc_attribution_position_top' "
               "href='https://popup.example.com/a'><span>by Example</span></a><a class='trc_mobile_attribution_link "
               "trc_attribution_position_top' href='https://popup.example.com/b'><span>by Example</span></a></div>")
    page = _page("<div class='links'><a href='http://www.example.com'>示例网</a> &gt; <a href='/gp/'>股票</a> &gt; "
                 "<a href='/gp/bd/'>股市报道</a> &gt; 正文</div><h1>示例市关于做好安全生产工作的通知</h1>", around=taboola)
    assert extract(page, URL).column == "示例网 > 股票 > 股市报道 > 正文"


def test_a_credit_run_into_the_source_s_name_ends_it():
    """来源：证券时报网作者：李在山 — a byline printed with no space: the source is the name before 作者："""
    page = _page("<h1>示例市关于做好安全生产工作的通知</h1><div class='info'>2020-09-25 来源：示例时报网作者：李在山</div>")
    assert extract(page, URL).source == "示例时报网"


def test_a_signature_s_date_with_the_source_run_into_it():
    """天津创业股份有限公司董事会 / 2005年8月25日（来源：上海证券报）: the date signs the text, the
    bracketed source is the site's note and the record's source."""
    text = TEXT + "<p>示例股份有限公司董事会</p><p>2005年8月25日（来源：示例证券报）</p>"
    record = extract(_page("", text), URL)
    assert (record.body, record.written_at, record.source) == (
        BODY + "\n示例股份有限公司董事会\n2005年8月25日", "2005-08-25", "示例证券报")


def test_the_writers_credit_over_the_text_is_the_header_s():
    """执笔/叨叨姐、胡一刀&李小飞刀 over an opinion column's text: its writers' credit, not its first line."""
    assert extract(_page("<h1>示例市关于做好安全生产工作的通知</h1>", "<p>执笔/示例姐、示例刀</p>" + TEXT), URL).body == BODY


def test_a_paper_s_headlines_over_its_dateline_are_the_header_s():
    """A procuratorate's news item reprinted from its paper: the 引题 and the paper's own headline
    (worded apart from the page's title) over 本报讯（…）: the text starts at the dateline."""
    text = ("<p>农用无人机和飞手都要“持证上岗”</p><p>示例区：检察公益诉讼推动消除“黑飞”隐患</p>"
            "<p>本报讯（全媒体记者张博 通讯员彭蕊）近日，正值春耕时节，示例区检察院检察官来到播种现场。</p>" + TEXT)
    body = extract(_page("<h1>示例区检察院：检察公益诉讼推动消除无人机“黑飞”隐患</h1>", text), URL).body
    assert body.startswith("本报讯（全媒体记者张博 通讯员彭蕊）近日")
