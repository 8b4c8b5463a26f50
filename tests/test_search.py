"""Full-text search over an archive of the real pages in tests/fixtures (extracted and stored as
a crawl stores them), on SQLite and on PostgreSQL: a labelled query set's recall@10, the same
answers on both databases, exact 文号 first, filters, incremental indexing, the command."""
from __future__ import annotations

import json
from contextlib import ExitStack

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, text

from pipeline import extract
from pipeline.encoding import decode_html
from pipeline.record import DocumentRecord
from storage.archive import store_document
from storage.db import Archive
from storage.models import Document
from storage.search import (BODY_CHARS, EXACT, FIELDS, IN_METADATA, IN_TEXT, IN_TITLE, INDEX, PLACES, date_rank,
                            identifier_key, index_key, query_words, rebuild, search, terms, tsvectors)
from tests.extraction_cases import real_cases
from tests.test_postgres import throwaway_database

# query → the pages (fixture paths) a reader asking it wants; recall@10 over these
LABELLED = {
    # 文号 and 索引号, as printed and as typed (ASCII brackets, spaces)
    "穗府办规〔2021〕7号": ["real/www.gz.gov.cn/guangzhou-gz_gdsite_detail_14.html"],
    "浙金罚决字〔2024〕52号": ["corpus/nfra_angular-rendered_detail_2.html"],
    "国发〔2018〕43号": ["corpus/govcn_zhengce2018_detail-fragment_1.html"],
    "穗医保规字[2024]1号": ["real/www.gz.gov.cn/guangzhou-gz_gdsite_detail_17.html"],
    "莆公议案字 〔2024〕 32号": ["real/gaj.putian.gov.cn/putian_gaj_trs_jydf2.html"],
    "发改体改〔2022〕118号": ["real/www.gov.cn/elec_1.html"],
    "沪发改价管〔2026〕9号": ["real/fgw.sh.gov.cn/elec_3.html"],
    "PT00107-0012-2024-00004": ["real/gaj.putian.gov.cn/putian_gaj_trs_jydf.html"],
    "11440100MB2C90856P/2023-00331": ["real/wjw.gz.gov.cn/guangzhou-wjw_gkmlpt_detail_1.html"],
    # phrases
    "鹰潭港总体规划": ["real/www.jiangxi.gov.cn/jiangxi_hanweb_pf_1521877.html"],
    "个人所得税法实施条例": ["corpus/govcn_zhengce2018_detail-fragment_3.html"],
    "居家社区养老服务管理办法": ["real/www.gz.gov.cn/guangzhou-gz_gdsite_detail_16.html"],
    "部分节假日安排": ["corpus/govcn_zhengce2018_detail-fragment_2.html"],
    "载人交会对接任务": ["real/www.cmse.gov.cn/cmse_trs_detail_1.html"],
    "空间站建造": ["real/www.cmse.gov.cn/cmse_trs_detail_2_annotated.html"],
    "普通高中育人方式改革": ["real/www.jiangxi.gov.cn/jiangxi_hanweb_ssyj_1503934.html"],
    "排污权储备": ["real/sthjj.putian.gov.cn/putian_sthjj_trs_gfxwj.html"],
    "家庭医生签约服务": ["real/wjw.gz.gov.cn/guangzhou-wjw_gkmlpt_detail_1.html"],
    "积分制入户": ["real/www.gz.gov.cn/guangzhou-gz_gdsite_detail_21.html",
              "real/rsj.gz.gov.cn/guangzhou-rsj_gdsite_detail_9.html"],
    "金融机构贷款投向统计报告": ["real/jrj.sh.gov.cn/jrjsh_loan_report_2021q2.html",
                     "real/jrb.ningbo.gov.cn/ningbo_hanweb_jpaas_58899622.html",
                     "real/www.gdjr.gov.cn/gdjr_gdsite_post_4189.html",
                     "real/app.www.gov.cn/govapp_loan_report_2025q1.html",
                     "real/jr.jl.gov.cn/jljr_trs_3319803.html",
                     "real/jrj.beijing.gov.cn/bjjrj_trs_gzdt_3662957.html"],
    "长三角一体化发展座谈会": ["real/www.kepu.gov.cn/kepu_other_detail_1.html"],
    "特别国债": ["real/www.gov.cn/govcn_trs_gongbao_detail_1.html"],
    # names (发文机关, places, programmes)
    "莆田市公安局": ["real/gaj.putian.gov.cn/putian_gaj_trs_jydf.html", "real/gaj.putian.gov.cn/putian_gaj_trs_jydf2.html"],
    "湄洲岛国家旅游度假区管委会": ["real/mzd.putian.gov.cn/putian_mzd_trs_jydf.html",
                      "real/mzd.putian.gov.cn/putian_mzd_trs_tadf.html"],
    "国家能源局华中监管局": ["real/hzj.nea.gov.cn/elec_1.html", "real/hzj.nea.gov.cn/elec_2.html"],
    "平潭综合实验区财政金融局": ["corpus/fujian-pingtan_trs-trt_detail_1.html"],
    "反不正当竞争法": ["real/gsj.wuhan.gov.cn/wuhan_gsj_trs_zwgk_fl.html"],
    # words of 2–4 characters, mixed
    "公租房 定向配租": ["real/zjj.putian.gov.cn/putian_zjj_trs_gzf.html"],
    "残疾人护理补贴": ["real/www.gz.gov.cn/guangzhou-gz_gdsite_detail_12.html",
                "real/www.zc.gov.cn/guangzhou-zc_gdsite_detail_1.html"],
    "人才公寓": ["real/www.thnet.gov.cn/guangzhou-thnet_gdsite_detail_5.html"],
    "电子居住证": ["real/www.thnet.gov.cn/guangzhou-thnet_gdsite_detail_8.html"],
    "异地就医 备案": ["real/www.gz.gov.cn/guangzhou-gz_gdsite_detail_2.html"],
    "失业保险常见问题": ["real/www.gz.gov.cn/guangzhou-gz_gdsite_detail_9.html"],
    "2022年统计公报": ["real/www.wanzai.gov.cn/wanzai_ucap_xxgk_tjsj_2022.html",
                  "real/www.yichun.gov.cn/yichun_ucap_xxgk_tjgb_2022.html",
                  "real/www.yichun.gov.cn/yichun_ucap_xxgk_tjgb_jx2022.html"],
    "天河区幼儿园招生": ["real/www.thnet.gov.cn/guangzhou-thnet_gdsite_detail_4.html"],
    "调峰辅助服务": ["real/hbj.nea.gov.cn/elec_1.html", "real/hbj.nea.gov.cn/elec_2.html",
               "real/hbj.nea.gov.cn/elec_3.html"],
    "气电价格联动": ["real/fgw.sh.gov.cn/elec_1.html", "real/fgw.sh.gov.cn/elec_3.html"],
    "鹰潭": ["real/www.jiangxi.gov.cn/jiangxi_hanweb_pf_1521877.html"],
}


def page_url(case) -> str:
    return f"http://{case.host}/{case.name}"


@pytest.fixture(scope="module")
def records():
    """Each real page extracted once, as a crawl would: (page, site, url, record)."""
    return [(c.name, c.host, page_url(c), extract(decode_html(c.html, None), page_url(c))) for c in real_cases()]


def fill(archive: Archive, records) -> dict[str, int]:
    pages = {}
    with archive.session() as session:
        for page, site, url, record in records:
            pages[page] = store_document(session, site=site, url=url, record=record, capture_id=None).document_id
    return pages


@pytest.fixture(scope="module")
def sqlite_archive(records, tmp_path_factory):
    archive = Archive(f"sqlite:///{tmp_path_factory.mktemp('search') / 'archive.sqlite3'}")
    yield archive, fill(archive, records)
    archive.dispose()


@pytest.fixture(scope="module")
def postgresql_archive(records):
    with throwaway_database() as url:
        archive = Archive(url)
        yield archive, fill(archive, records)
        archive.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def fixture_archive(request):
    """(archive, page → document id), on each database."""
    return request.getfixturevalue(f"{request.param}_archive")


def hits(archive: Archive, query: str, **options):
    with archive.session() as session:
        return search(session, query, **options)


def test_labelled_queries_recall_at_10(fixture_archive):
    archive, pages = fixture_archive
    assert len(LABELLED) >= 30
    recalls, misses = [], {}
    for query, wanted in LABELLED.items():
        found = {h.document_id for h in hits(archive, query)}
        wanted_ids = {pages[p] for p in wanted}
        recalls.append(len(found & wanted_ids) / len(wanted_ids))
        if wanted_ids - found:
            misses[query] = sorted(p for p in wanted if pages[p] not in found)
    recall = sum(recalls) / len(recalls)
    assert recall >= 0.95, (recall, misses)


def test_exact_doc_no_first_however_written(fixture_archive, records):
    archive, pages = fixture_archive
    for query in ["穗府办规〔2021〕7号", "穗府办规[2021]7号", "穗府办规（2021）7号", "穗府办规 〔2021〕 7 号"]:
        first = hits(archive, query)[0]
        assert (first.document_id, first.score) == (pages["real/www.gz.gov.cn/guangzhou-gz_gdsite_detail_14.html"], 3.0)
    # 沪发改价管〔2026〕9号 and 〔2026〕19号 are two documents of one title: each 文号 finds its own
    assert hits(archive, "沪发改价管〔2026〕19号")[0].document_id == pages["real/fgw.sh.gov.cn/elec_1.html"]
    assert hits(archive, "沪发改价管〔2026〕9号")[0].document_id == pages["real/fgw.sh.gov.cn/elec_3.html"]


def test_filters_and_pages(fixture_archive):
    archive, pages = fixture_archive
    everything = hits(archive, "电力市场", limit=1000)
    assert len(everything) > 20
    assert [h.document_id for h in hits(archive, "电力市场", limit=7, offset=7)] == \
        [h.document_id for h in everything[7:14]]
    on_site = hits(archive, "电力市场", site="hbj.nea.gov.cn", limit=1000)
    assert {h.site for h in on_site} == {"hbj.nea.gov.cn"}
    assert len(on_site) == sum(h.site == "hbj.nea.gov.cn" for h in everything)
    dated = hits(archive, "电力市场", since="2025-01-01", until="2025-12-31", limit=1000)
    assert dated and all("2025-01-01" <= h.published_at[:10] <= "2025-12-31" for h in dated)
    assert len(dated) == sum(1 for h in everything if h.published_at and h.published_at.startswith("2025"))
    # title hits before text-only hits, newest first within each
    tiers = [h.score for h in everything]
    assert tiers == sorted(tiers, reverse=True)
    first_tier = [h.published_at or "" for h in everything if h.score == tiers[0]]
    assert first_tier == sorted(first_tier, reverse=True)
    assert "电力市场" in hits(archive, "电力市场")[0].snippet


def reference_page(archive: Archive, query: str, *, limit: int, offset: int = 0, site=None, since=None, until=None):
    """The page search() must give, by its definition, from every document's own terms (no index):
    the exact 文号/索引号, every word in the title, in 文号/索引号/发文机关, in the text; newest
    发布日期 first (none last), then the later id."""
    words, key = query_words(query), identifier_key(query)
    with archive.session() as session:
        docs = session.execute(select(Document)).scalars().all()

    def has(doc, fields) -> bool:
        present = set(" ".join(terms(getattr(doc, f) and getattr(doc, f)[:BODY_CHARS]) for f in fields).split())
        return all(g in present or (w.prefix and any(t.startswith(g) for t in present)) for w in words for g in w.grams)

    def tier(doc) -> float:
        if len(key) >= 4 and any(c.isdigit() for c in key) and has(doc, ("doc_no", "index_no")) \
                and key in (identifier_key(doc.doc_no), identifier_key(doc.index_no)):
            return EXACT
        return next((t for t, fields in ((IN_TITLE, ("title",)), (IN_METADATA, ("doc_no", "index_no", "publisher")),
                                         (IN_TEXT, FIELDS)) if has(doc, fields)), None)

    kept = [(tier(d), d) for d in docs if (not site or d.site == site) and (not (since or until) or d.published_at)
            and (not since or d.published_at >= since) and (not until or d.published_at < until + "~")]
    kept = sorted(((t, d) for t, d in kept if t is not None),
                  key=lambda td: (td[0], td[1].published_at is not None, td[1].published_at or "", td[1].id), reverse=True)
    return [(d.id, t) for t, d in kept[offset:offset + limit]]


RANKED = [("电力市场", {}), ("通知", {"site": "www.gz.gov.cn"}), ("答复", {"until": "2024-12-31"}), ("关于", {}),
          ("穗府办规〔2021〕7号", {}), ("税", {}), ("电力市场", {"since": "2025-01-01"})]


def test_pages_are_the_tiers_newest_first(fixture_archive):
    """Each page, at any offset, is what the tiers and 发布日期 say, checked against the documents'
    own terms: the index read newest first and stopped at the page loses and reorders nothing."""
    archive, _ = fixture_archive
    for query, options in RANKED:
        for limit, offset in ((10, 0), (15, 3), (1000, 0)):
            found = [(h.document_id, h.score) for h in hits(archive, query, limit=limit, offset=offset, **options)]
            assert found == reference_page(archive, query, limit=limit, offset=offset, **options), (query, options)
            assert found or offset


def test_newest_first_however_the_date_is_written(empty_archive):
    """发布日期 are compared as text on both databases: a time of day after the bare day, other
    shapes where their text sorts, none last; ties by the later id. An edited 发布日期 moves its
    document."""
    days = ["2024-06-01", "2024-06-01T10:00", "2024-6-1", None, "2024-06-01", "", "2024", "2024-06-01 09:00:00",
            "2025-01-01", "二〇二四年", "2023-12-31T23:59:59", "2024-06-02"]
    with empty_archive.session() as session:
        ids = [store_document(session, site="s", url=f"http://s.gov.cn/{i}.html", capture_id=None,
                              record=DocumentRecord(f"http://s.gov.cn/{i}.html", title="春运交通管制的通知",
                                                    published_at=day, body=f"各市：春运交通管制。附件{i}。")).document_id
               for i, day in enumerate(days)]

    def check_order():
        order = sorted(range(len(days)), key=lambda i: (days[i] is not None, days[i] or "", ids[i]), reverse=True)
        for limit in range(1, len(days) + 1):
            assert [h.document_id for h in hits(empty_archive, "交通管制", limit=limit)] == [ids[i] for i in order[:limit]]
        for since, until in (("2024-06-01", "2024-06-01"), ("2024-06-02", None), (None, "2024-05-31"), ("2024", "2024")):
            wanted = [ids[i] for i in order if days[i] is not None and (not since or days[i] >= since)
                      and (not until or days[i] < until + "~")]
            assert [h.document_id for h in hits(empty_archive, "交通管制", since=since, until=until, limit=20)] == wanted
        return order

    first, *_, last = check_order()
    with empty_archive.session() as session:
        session.get(Document, ids[first]).published_at, session.get(Document, ids[last]).published_at = None, "2024-06-01"
    days[first], days[last] = None, "2024-06-01"
    check_order()
    check_index(empty_archive)


@given(st.text(alphabet="0123456789-T: 年/", max_size=14), st.text(alphabet="0123456789-T: 年/", max_size=14))
def test_date_rank_keeps_the_order_of_the_text(a, b):
    """The SQLite index's date rank never puts two 发布日期 out of their order as text …"""
    a, b = sorted((a, b))
    assert date_rank(None) < date_rank(a) <= date_rank(b)


def test_date_rank_tells_days_apart():
    """… and tells days apart, so only one day's documents are sorted beyond what the index reads."""
    ranks = [date_rank(d) for d in ("", "2023-12-31T23:59:59", "2024-06-01", "2024-06-02", "2024-6-1", "二〇二四年")]
    assert ranks == sorted(set(ranks)) and date_rank("2024-06-01") == date_rank("2024-06-01T10:00")


def test_same_answers_on_sqlite_and_postgresql(sqlite_archive, postgresql_archive):
    """Both databases index the same terms and rank by the same tiers: the same hits, in the
    same order, for every labelled query and with filters."""
    queries = [(q, {}) for q in LABELLED] + RANKED
    for query, options in queries:
        mine = [(h.url, h.score, h.snippet) for h in hits(sqlite_archive[0], query, limit=50, **options)]
        theirs = [(h.url, h.score, h.snippet) for h in hits(postgresql_archive[0], query, limit=50, **options)]
        assert mine == theirs, query


def many_documents(records, count: int) -> list[dict]:
    """`count` documents made of the real pages' fields: bodies cut at random places, dates over
    ten years (some with a time of day, some on the same day, some none), seven sites."""
    rng = __import__("random").Random(11)
    docs = []
    for i in range(count):
        record = records[i % len(records)][3]
        body = record.body or ""
        start = rng.randrange(max(len(body) - 400, 1))
        day = f"{rng.randrange(2015, 2026)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        published = rng.choice((day, day, f"{day}T{rng.randrange(24):02d}:00", "2024-06-01", None))
        docs.append({"id": i + 1, "site": f"s{i % 7}", "url": f"http://s{i % 7}.example.gov.cn/{i}.html",
                     "title": record.title, "publisher": record.publisher, "doc_no": record.doc_no,
                     "index_no": record.index_no, "published_at": published, "body": body[start:start + 600],
                     "content_hash": f"{i:064x}", "status": "live"})
    return docs


def test_a_larger_archive_is_read_in_every_way_alike(records, tmp_path, monkeypatch):
    """An index many times PostgreSQL's walk (shortened here from 500 rows, so a test archive
    is large enough): common words end in the newest rows, rarer ones walk on or fall back to
    the GIN index, the rarest go to it at once — each page the same on both databases and what
    the tiers and 发布日期 say (reference_page)."""
    from sqlalchemy import event, insert

    from storage.search import _Postgres
    walk = 40
    monkeypatch.setattr(_Postgres, "walk", walk)
    docs = many_documents(records, 15 * walk)
    with ExitStack() as stack:
        archives = [Archive(f"sqlite:///{tmp_path / 'archive.sqlite3'}"), Archive(stack.enter_context(throwaway_database()))]
        for archive in archives:
            stack.callback(archive.dispose)
            with archive.engine.begin() as connection:
                connection.execute(insert(Document.__table__), docs)
            rebuild(archive)
        sqlite, postgresql = archives
        with postgresql.engine.connect() as connection:
            connection.execute(text("ANALYZE"))
        ways = []
        event.listen(postgresql.engine, "before_cursor_execute",
                     lambda _c, _cu, statement, *_: ways.append(statement))
        # words by how many bodies hold them: from nearly all down to a few
        words = {w.text for _, _, _, r in records for w in query_words(r.title or "") if len(w.text) >= 2}
        share = {w: sum(w in d["body"] for d in docs) / len(docs) for w in sorted(words)}
        picked = [w for low, high in ((0.2, 1), (0.02, 0.2), (0.004, 0.02), (0, 0.004))
                  for w in [w for w in share if low < share[w] <= high][:6]]
        assert len(picked) >= 20
        for query in picked:
            for options in ({}, {"site": "s3"}, {"since": "2020-01-01", "until": "2023-06-30"}):
                for limit, offset in ((10, 0), (20, 30)):
                    expected = reference_page(sqlite, query, limit=limit, offset=offset, **options)
                    for archive in archives:
                        found = [(h.document_id, h.score) for h in hits(archive, query, limit=limit, offset=offset, **options)]
                        assert found == expected, (archive.engine.dialect.name, query, options, limit, offset)
        said = " ".join(ways)
        # each way of reading was taken: a walk of WALK rows, a longer one on from it, the GIN index
        assert f"OFFSET {walk - 1} LIMIT 1" in said and "s.key < " in said and "MATERIALIZED" in said
        assert any("OFFSET" in w and f"OFFSET {walk - 1} " not in w for w in ways)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_archive(request, tmp_path):
    with ExitStack() as stack:
        url = f"sqlite:///{tmp_path / 'archive.sqlite3'}" if request.param == "sqlite" \
            else stack.enter_context(throwaway_database())
        archive = Archive(url)
        stack.callback(archive.dispose)
        yield archive


def test_indexed_as_stored_edited_and_rebuilt(empty_archive, records):
    archive = empty_archive
    page, site, url, record = next(r for r in records if r[0].endswith("jiangxi_hanweb_pf_1521877.html"))
    with archive.session() as session:
        doc_id = store_document(session, site=site, url=url, record=record, capture_id=None).document_id
    assert [h.document_id for h in hits(archive, "鹰潭港总体规划")] == [doc_id]
    # an edit at the same URL: the new text is found, the old one no longer
    edited = extract(decode_html(record_html(page), None).replace("鹰潭", "九江"), url)
    with archive.session() as session:
        assert store_document(session, site=site, url=url, record=edited, capture_id=None).outcome == "changed"
    assert hits(archive, "鹰潭") == []
    assert [h.document_id for h in hits(archive, "九江港总体规划")] == [doc_id]
    check_index(archive)
    assert rebuild(archive) == 1
    assert [h.document_id for h in hits(archive, "九江港总体规划")] == [doc_id]
    check_index(archive)


def test_exact_doc_no_before_documents_citing_it(empty_archive):
    """The issue's example: 浙交〔2024〕12号 finds its document first, before a newer notice
    with the 文号 in its title and a 文号 it is a prefix of."""
    notices = [("http://jtyst.zj.gov.cn/a/1.html", "关于加强春运期间交通管制的通知", "浙交〔2024〕12号", "2024-01-10"),
               ("http://jtyst.zj.gov.cn/a/2.html", "关于转发浙交〔2024〕12号文件的通知", "浙交〔2024〕31号", "2024-03-01"),
               ("http://jtyst.zj.gov.cn/a/3.html", "关于公路养护的通知", "浙交〔2024〕120号", "2024-05-01")]
    with empty_archive.session() as session:
        ids = [store_document(session, site="zj-jt", url=url, capture_id=None,
                              record=DocumentRecord(url, title=title, doc_no=doc_no, published_at=day,
                                                    body=f"各市交通运输局：{title}。请认真贯彻执行。")).document_id
               for url, title, doc_no, day in notices]
    found = hits(empty_archive, "浙交〔2024〕12号")
    assert [(h.document_id, h.score) for h in found[:2]] == [(ids[0], 3.0), (ids[1], 2.0)]
    assert [h.document_id for h in hits(empty_archive, "交通管制")] == [ids[0]]


def record_html(page: str) -> bytes:
    return next(c.html for c in real_cases() if c.name == page)


def check_index(archive: Archive) -> None:
    """The index holds exactly the documents' terms under their keys: on SQLite, FTS5's own
    check; on PostgreSQL, each row against its document's key and tsvectors computed afresh."""
    with archive.session() as session:
        if session.connection().dialect.name == "sqlite":
            session.execute(text(f"INSERT INTO {INDEX}({INDEX}, rank) VALUES ('integrity-check', 1)"))
            return
        documents = session.execute(text(f"SELECT id, url, published_at, {', '.join(FIELDS)} FROM documents")).all()
        assert session.execute(text(f"SELECT count(*) FROM {INDEX}")).scalar() == len(documents)
        for doc in documents:
            fresh = tsvectors(doc._mapping)
            same = " AND ".join(f"{place} = CAST(:{place} AS tsvector)" for place in PLACES)
            assert session.execute(text(f"SELECT {same} FROM {INDEX} WHERE document_id = :id AND key = :key"),
                                   {"id": doc.id, "key": index_key(doc.published_at, doc.id), **fresh}).scalar(), doc.url


def test_search_command(workspace, records):
    archive = Archive(workspace.db_url)
    fill(archive, [r for r in records if "putian" in r[0] or "jiangxi" in r[0]])
    archive.dispose()
    proc = workspace.scrapy("search", "答复", "--site", "gaj.putian.gov.cn", "--since", "2024-01-01", "--json",
                            "--rebuild")
    found = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(h["site"], h["published_at"][:4], h["score"]) for h in found] == [("gaj.putian.gov.cn", "2024", 2.0)] * 2
    assert "答复" in found[0]["title"] and proc.stderr.startswith("search index rebuilt: ")
    bad = workspace.scrapy("search", "答复", "--site", "nowhere", check=False)
    assert bad.returncode == 2 and bad.stderr.strip().splitlines() == [bad.stderr.strip()] and "nowhere" in bad.stderr


def test_a_book_length_page_is_indexed_on_both(empty_archive):
    """A page of 300,000 characters and a 5,000-character run of letters (a base64 image) are
    stored and found by what they say in their first 200,000 characters — on PostgreSQL too,
    whose tsvector holds 1 MB (the document is never lost to its index)."""
    rng = __import__("random").Random(7)
    han = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(300_000))
    url = "http://big.example.gov.cn/a.html"
    body = "开头写明春运交通管制。" + "A" * 5000 + han + "结尾才说的话。"
    with empty_archive.session() as session:
        doc_id = store_document(session, site="big", url=url, capture_id=None,
                                record=DocumentRecord(url, title="一份很长的公报", body=body)).document_id
    assert [h.document_id for h in hits(empty_archive, "春运交通管制")] == [doc_id]
    assert hits(empty_archive, "结尾才说的话") == []  # past what is indexed, on both databases alike
    check_index(empty_archive)
