"""Normalisation rules: dates, 发文字号, 索引号, titles, canonical URLs, decoding."""
import pytest

from pipeline.encoding import decode_html
from pipeline.normalize import clean_text, clean_title, normalize_date, normalize_doc_no, normalize_index_no
from pipeline.urls import canonical_url


@pytest.mark.parametrize("raw,iso", [
    ("2024年06月07日", "2024-06-07"),
    ("2024年6月7日", "2024-06-07"),
    ("2024/6/7", "2024-06-07"),
    ("2024-06-07 15:56", "2024-06-07T15:56"),
    ("发布时间：2021-06-18 08:57:38", "2021-06-18T08:57:38"),
    ("２０２４－０６－０７", "2024-06-07"),
    ("20240607", "2024-06-07"),
    ("2024.6.7", "2024-06-07"),
    ("2023-02-30", None),
    ("February 13, 2023", "2023-02-13"),  # an imported theme's, in English
    ("Sept. 3, 2024", "2024-09-03"),
    ("13 Feb 2023", "2023-02-13"),
    ("Marching 12, 2020", None),
    ("Feb 30, 2023", None),
    ("无", None),
    ("", None),
])
def test_dates(raw, iso):
    assert normalize_date(raw) == iso


@pytest.mark.parametrize("raw,norm", [
    ("国发[2024]3号", "国发〔2024〕3号"),
    ("国发(2024)3号", "国发〔2024〕3号"),
    ("国发（2024）3号", "国发〔2024〕3号"),
    ("国发【2024】3号", "国发〔2024〕3号"),
    ("国发〔2024〕3号", "国发〔2024〕3号"),
    ("闽财债管函 [2021]10 号", "闽财债管函〔2021〕10号"),
    ("国令第707号", "国令第707号"),
    ("国发〈2024〉3号", "国发〔2024〕3号"),
    ("国发〖2024〗3号", "国发〔2024〕3号"),
    ("示政发〔2024〕12号　　签发人：张三", "示政发〔2024〕12号"),  # a 上行文's signer beside its 文号
    ("无", None),
    ("—", None),
    ("——", None),
])
def test_doc_numbers(raw, norm):
    assert normalize_doc_no(raw) == norm


@pytest.mark.parametrize("raw,value,valid", [
    ("000014349/2018-00222", "000014349/2018-00222", True),
    (" PZ00108-3000-2023-00092 ", "PZ00108-3000-2023-00092", True),
    ("11350100MB0000000X/2024-00123", "11350100MB0000000X/2024-00123", True),
    ("第一号", "第一号", False),
    ("", None, None),
])
def test_index_numbers(raw, value, valid):
    assert normalize_index_no(raw) == (value, valid)


@pytest.mark.parametrize("raw,title", [
    ("2023年工作总结_计划规划_某某人民政府", "2023年工作总结"),
    ("关于X的通知 - 中国政府网", "关于X的通知"),
    ("关于印发《A-B》的通知", "关于印发《A-B》的通知"),
    ("示例市交通管制通告（2024年第3号）-示例市人民政府", "示例市交通管制通告（2024年第3号）"),
    # a column whose name has 通知/公告 in it is still a column
    ("关于开展安全检查的通知_通知公告_示例县人民政府门户网站", "关于开展安全检查的通知"),
    # a hyphen between years is a range, not a separator
    ("2024-2025年度工作计划_示例县人民政府", "2024-2025年度工作计划"),
    ("示例县2024-2025年度工作计划_政务公开_示例县人民政府", "示例县2024-2025年度工作计划"),
    # the column after the site
    ("关于开展安全检查的通知 - 示例县人民政府 - 政务公开", "关于开展安全检查的通知"),
    # the site set off by a space only
    ("示例县人民政府 关于开展安全检查的通知", "关于开展安全检查的通知"),
    ("关于开展安全检查的通知 示例县人民政府", "关于开展安全检查的通知"),
    # columns behind an underscore, with or without the site after them
    ("示例市住房和城乡建设局关于印发示例市绿色建筑专项规划（2025-2035年）的函_规划计划信息_政务公开_示例市建设信息网",
     "示例市住房和城乡建设局关于印发示例市绿色建筑专项规划（2025-2035年）的函"),
    ("关于我市开展气电价格联动调整有关事项的通知_价格管理", "关于我市开展气电价格联动调整有关事项的通知"),
    # the whole title in brackets
    ("【关于修订省间电力现货交易规则的复函(发改办体改〔2026〕275号)】-国家发展和改革委员会",
     "关于修订省间电力现货交易规则的复函(发改办体改〔2026〕275号)"),
    # site, column and title set off by spaces; two issuers set off by a space stay
    ("江苏省发展和改革委员会 通知公告 江苏省成品油价格调整公告（2026年第16号）", "江苏省成品油价格调整公告（2026年第16号）"),
    ("财政部 税务总局关于明确非应税交易等增值税有关事项的公告", "财政部 税务总局关于明确非应税交易等增值税有关事项的公告"),
    ("示例县人民政府-", "示例县人民政府"),
    # a tag in brackets is the page's title as shown
    ("【关注】学历型人才引进入户申报指南_示例市人力资源和社会保障局", "【关注】学历型人才引进入户申报指南"),
    # a ministry's name (…部) after the column, or first, is the site's
    ("示例部关于推进公路数字化转型的意见-政府信息公开-交通运输部", "示例部关于推进公路数字化转型的意见"),
    ("教育部-关于开展安全检查的通知", "关于开展安全检查的通知"),
    # an en dash or :: set apart by spaces separates; an en dash between years is a range
    ("关于开展安全检查的通知 – 示例县人民政府", "关于开展安全检查的通知"),
    ("关于开展安全检查的通知 :: 示例县人民政府", "关于开展安全检查的通知"),
    ("示例县2024–2025年度工作计划_示例县人民政府", "示例县2024–2025年度工作计划"),
    # the page's trail for a title, from the home page or the site; a bare > inside 《…》 is the title's
    ("首页 > 通知公告 > 关于开展安全检查的通知", "关于开展安全检查的通知"),
    ("示例县人民政府»政务公开»关于开展安全检查的通知", "关于开展安全检查的通知"),
    ("关于转发《示例部关于印发<安全生产规则>的通知》的通知", "关于转发《示例部关于印发<安全生产规则>的通知》的通知"),
    # the site named by its place alone, last or first, after any separator
    ("关于开展安全检查的通知 - 政务公开 - 示例市", "关于开展安全检查的通知"),
    ("关于开展安全检查的通知 -- 示例市", "关于开展安全检查的通知"),
    ("示例县 - 2024年全县工作要点", "2024年全县工作要点"),
    # a title with its 副题 after a dash, the site's name after a space
    ("“社保服务进万家”问答课堂——如何进行企业基本养老保险转移 示例市人民政府门户网站",
     "“社保服务进万家”问答课堂——如何进行企业基本养老保险转移"),
    # a title with a space in it: a site's name set off by a space runs to no separator
    ("驶入“新赛道” 跑出“加速度”_通知公告_示例市人民政府", "驶入“新赛道” 跑出“加速度”"),
    ("一图读懂强制性国家标准GB 44721—2026《智能网联汽车 自动驾驶系统安全要求》_通知公告_示例市人民政府",
     "一图读懂强制性国家标准GB 44721—2026《智能网联汽车 自动驾驶系统安全要求》"),
    # the site's name first, in brackets; a column's tag in brackets is the title's
    ("【示例市人民政府】关于开展安全检查的通知", "关于开展安全检查的通知"),
    ("[示例市]财政部 税务总局关于明确非应税交易等增值税有关事项的公告", "财政部 税务总局关于明确非应税交易等增值税有关事项的公告"),
    ("【人社】示例市劳动人事争议仲裁网上申请流程", "【人社】示例市劳动人事争议仲裁网上申请流程"),
    ("【示例职业技术学院】关于开展安全检查的通知", "关于开展安全检查的通知"),
    ("【示例市人民政府 - 政务公开】关于开展安全检查的通知", "关于开展安全检查的通知"),
    # a school's, a newsroom's, a hospital's or an English name after a space only
    ("关于开展安全检查的通知 示例大学新闻网", "关于开展安全检查的通知"),
    ("关于开展安全检查的通知 示例职业技术学院", "关于开展安全检查的通知"),
    ("关于开展安全检查的通知 示例市第一人民医院", "关于开展安全检查的通知"),
    ("关于开展安全检查的通知 Example University", "关于开展安全检查的通知"),
    ("财政部 税务总局关于明确增值税有关事项的公告", "财政部 税务总局关于明确增值税有关事项的公告"),
    # the site's name first, then the column's; 首页 on either side
    ("示例市人民政府 - 政务公开 - 关于开展安全检查的通知", "关于开展安全检查的通知"),
    ("关于开展安全检查的通知 - 首页", "关于开展安全检查的通知"),
    ("首页|关于开展安全检查的通知", "关于开展安全检查的通知"),
])
def test_titles(raw, title):
    assert clean_title(raw) == title


def test_whitespace_of_every_kind():
    assert clean_text("\u3000市\xa0交通局\u2002 ") == "市 交通局"
    assert clean_text("有效，") == "有效，"  # full-width punctuation kept as written


@pytest.mark.parametrize("url,canonical", [
    ("HTTP://WWW.X.gov.cn:80/a/index.html?utm_source=wx#top", "http://www.x.gov.cn/a/"),
    ("https://x.gov.cn:443/a/t1.html?spm=1&id=2&from=timeline", "https://x.gov.cn/a/t1.html?id=2"),
    ("http://x.gov.cn:8080/a?b=2&a=1", "http://x.gov.cn:8080/a?a=1&b=2"),
])
def test_canonical_urls(url, canonical):
    assert canonical_url(url) == canonical


@pytest.mark.parametrize("body,content_type", [
    ("政府信息公开".encode("gbk"), None),
    ("政府信息公开".encode("gb18030"), "text/html"),
    ('<meta charset="gb2312">政府信息公开镕堃'.encode("gbk"), None),  # gb2312 declared, GBK served
    ("政府信息公开".encode("gbk"), "text/html; charset=GBK"),
    ("政府信息公开".encode("utf-8"), None),
])
def test_decoding(body, content_type):
    assert "政府信息公开" in decode_html(body, content_type)


@pytest.mark.parametrize("text,name", [
    ("示例市人民政府", True), ("国务院扶贫开发领导小组办公室", True), ("示例市安全生产检查组", True),
    ("示例市长会见示例国代表团", False), ("示例市主持召开深入推进区域一体化发展座谈会", False),
    ("示例市第四期初创企业经营者能力提升培训班成功举办", False), ("加快构建新发展格局", False),
])
def test_what_names_an_office_and_what_is_a_headline(text, name):
    from pipeline.title import is_name

    assert is_name(text) is name

