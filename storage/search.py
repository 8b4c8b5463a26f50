"""Full-text search of the archive: title, body, 发文机关, 文号 and 索引号, on SQLite and PostgreSQL.

Segmentation. Documents are indexed as overlapping character bigrams of each run of Chinese
characters (plus the run's last character alone) and as whole words of letters and digits; a
query is cut into words with jieba and each word must occur (all its bigrams; a character alone
is left out beside other words, a prefix when it is the whole query). Bigrams make every word findable whatever the document's own context
would have segmented it into (jieba cuts 营商环境 differently in 优化营商环境 and in a query), with no
dictionary to load when a crawl stores a document; jieba on the query side keeps words apart, so
`2024年交通管制通知` finds a notice where 交通管制 and 通知 are not adjacent.

The terms are computed here, in Python, for both databases, so both index exactly the same
terms: SQLite keeps them in an FTS5 table (its content read through a view calling
`govarchive_terms`, so the text is not stored twice), PostgreSQL as a tsvector (GIN index) written
from the same terms — no database parser or locale in between. Ranking is the same on both:
tiers (the exact 文号/索引号, every word in the title, every word in 文号/索引号/发文机关, the text),
newest first within a tier. On SQLite a document's rowid in the index is its 发布日期 (by day)
above its id (`index_key`), so a tier is read from the index newest first and stops at the page:
a word in half the archive costs what its first hits do, not a sort of its matches.

Indexing is incremental: the archive's sessions call `unindex_changed` before and
`index_changed` after each flush (storage.db), like the repost queue, for documents whose
searchable fields or 发布日期 are new or changed — whoever writes them (crawl, reparse, an edit).
`rebuild` indexes the whole archive again.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from storage.models import Document, changed_documents

log = logging.getLogger("govarchive.search")
# what is searched, in the order of the FTS5 table's columns
FIELDS = ("title", "doc_no", "index_no", "publisher", "body")
# the tables and view search owns, outside the models (FTS5 shadow tables start with the name)
INDEX = "search_index"
SOURCE = "search_source"  # SQLite: the view FTS5 reads the terms through
TERMS_FUNCTION = "govarchive_terms"
KEY_FUNCTION = "govarchive_index_key"  # SQLite: the FTS5 rowid of a document (index_key)
# PostgreSQL: a tsvector weight per field (A title, B 文号/索引号, C 发文机关, D text)
PG_WEIGHTS = {"title": "A", "doc_no": "B", "index_no": "B", "publisher": "C", "body": "D"}
# what a document is indexed again for: its searchable text, and on SQLite its 发布日期 (in its rowid)
INDEXED = FIELDS + ("published_at",)
# SQLite: an index rowid is the document's 发布日期 (date_rank) above its id's ID_BITS bits
ID_BITS = 36
ID_MASK = (1 << ID_BITS) - 1
# Characters of a text indexed, on both databases (as repost detection reads 200,000): a
# tsvector holds at most 1 MB, and no query needs the far end of a book-length page.
BODY_CHARS = 200_000
TSVECTOR_BYTES = 900_000  # of its text form, under PostgreSQL's 1 MB
LONGEST_WORD = 60  # letters and digits in a row beyond this are no word (base64, hex dumps)
# tiers of a hit, best first; the score of a hit is its tier
EXACT, IN_TITLE, IN_METADATA, IN_TEXT = 3.0, 2.0, 1.0, 0.0
SNIPPET_BEFORE, SNIPPET_AFTER = 30, 90

_DATE_SHAPE = "dddd-dd-dd"  # YYYY-MM-DD: d a digit
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(rf"([{_HAN}]+)|([^\W_{_HAN}]+)")
# brackets and spaces people write a 文号 with in many ways: 〔2024〕, [2024], （2024）, 【2024】
_KEY_NOISE = re.compile(r"[\s\[\]【】()（）〔〕［］〈〉<>{}〖〗\"'“”]")


@dataclass
class SearchHit:
    document_id: int
    title: str | None
    site: str
    url: str
    published_at: str | None
    snippet: str
    score: float


def normalize(value: str) -> str:
    return unicodedata.normalize("NFKC", value).lower()


def terms(value: str | None) -> str:
    """The index terms of a text, space-separated: bigrams of each Chinese run and its last
    character, whole words of letters and digits."""
    if not value:
        return ""
    out: list[str] = []
    for han, word in _RUNS.findall(normalize(value)):
        if han:
            out += map("".join, zip(han, han[1:]))
            out.append(han[-1])
        elif len(word) <= LONGEST_WORD:
            out.append(word)
    return " ".join(out)


def date_rank(published_at: str | None) -> int:
    """A 发布日期 as a number in its order (compared as text, as the databases compare it): the
    greatest YYYY-MM-DD at or below it as YYYYMMDD + 2; 1 below every such date, 0 for none. Any
    text maps to one, never out of order, so the SQLite index keeps documents newest first by
    day, and only a day's documents are sorted by their full 发布日期 (a time of day, or a text
    of another shape)."""
    if published_at is None:
        return 0
    digits = 0  # the YYYYMMDD read so far
    for i, shape in enumerate(_DATE_SHAPE):
        char = published_at[i] if i < len(published_at) else ""
        if shape == "-" and char == "-":
            continue
        if shape == "d" and "0" <= char <= "9":
            digits = digits * 10 + int(char)
            continue
        # it leaves the shape here: below every date so far (it ends, a smaller character) or above
        span = 10 ** _DATE_SHAPE[i:].count("d")
        below = char < ("0" if shape == "d" else "-")
        return digits * span + (1 if below else span + 1)
    return digits + 2


def index_key(published_at: str | None, document_id: int) -> int:
    """SQLite: a document's rowid in the search index, in (发布日期, id) order."""
    return date_rank(published_at) << ID_BITS | document_id


def identifier_key(value: str | None) -> str:
    """A 文号 or 索引号 as compared for an exact hit: brackets, spaces and width ignored."""
    return _KEY_NOISE.sub("", normalize(value or ""))


# --- queries -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Word:
    """One word of a query: all of `grams` must occur (a one-character word: as a prefix)."""
    text: str
    grams: tuple[str, ...]
    prefix: bool = False


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def query_words(query: str) -> list[Word]:
    """The words of a query: each space-separated part cut with jieba (single characters next to
    each other joined again: a name jieba does not know is one word)."""
    words: list[Word] = []
    for han, word in _RUNS.findall(normalize(query)):
        if word:
            words.append(Word(word, (word,)))
            continue
        pieces: list[list] = []  # [text, made of single characters]
        for cut in _jieba().cut(han, HMM=False):
            if len(cut) == 1 and pieces and pieces[-1][1]:
                pieces[-1][0] += cut
            else:
                pieces.append([cut, len(cut) == 1])
        words += [Word(piece, tuple(dict.fromkeys(piece[i:i + 2] for i in range(len(piece) - 1))))
                  if len(piece) > 1 else Word(piece, (piece,), prefix=True) for piece, _ in pieces]
    # a character standing alone (年, 号, the 务 of a phrase cut mid-word) says little next to
    # words, and as a prefix of every term it begins it costs the most: kept only on its own
    if any(not w.prefix for w in words):
        words = [w for w in words if not w.prefix]
    return list(dict.fromkeys(words))


def query_terms(query: str) -> list[str]:
    """The words of a query as typed (normalized): what a result page may highlight."""
    return [w.text for w in query_words(query)]


def _fts_expression(words: list[Word], columns: tuple[str, ...] | None = None) -> str:
    parts = []
    for w in words:
        parts.extend(f'"{g}"*' if w.prefix else f'"{g}"' for g in w.grams)
    expression = " AND ".join(parts)
    return f"{{{' '.join(columns)}}} : ({expression})" if columns else f"({expression})"


def _tsquery(words: list[Word], weights: str = "") -> str:
    parts = []
    for w in words:
        parts.extend(f"'{g}':*{weights}" if w.prefix else (f"'{g}':{weights}" if weights else f"'{g}'")
                     for g in w.grams)
    return "(" + " & ".join(parts) + ")"


class _Sqlite:
    """The FTS5 side: the query in every field, in the title, in 文号/索引号/发文机关 (column filters).
    The index's rowid is `index_key` (发布日期, then id), so a tier newest first is the index read
    backwards, stopped at the page: a common word costs what its first hits do."""
    matches = f"SELECT rowid & {ID_MASK} FROM {INDEX} WHERE {INDEX} MATCH :e"

    def __init__(self, words: list[Word], since: str | None = None, until: str | None = None) -> None:
        everywhere, title = _fts_expression(words), _fts_expression(words, ("title",))
        metadata = _fts_expression(words, ("doc_no", "index_no", "publisher"))
        self.identifiers = _fts_expression(words, ("doc_no", "index_no"))
        self.everywhere, self.title, self.metadata = everywhere, title, metadata
        # the days the 发布日期 bounds allow, as a range of rowids the index seeks to (the bounds
        # themselves are checked on the documents)
        self.days = (f" AND {INDEX}.rowid >= {date_rank(since) << ID_BITS}" if since else "") + \
            (f" AND {INDEX}.rowid < {date_rank(until + '~') + 1 << ID_BITS}" if until else "")

    def tier(self, session, expression: str, where: str, params: dict, n: int) -> list[int]:
        # CROSS JOIN: the index drives (read backwards), each hit's document looked up by id
        select = (f"SELECT {INDEX}.rowid AS key, d.id, d.published_at FROM {INDEX} CROSS JOIN documents d "
                  f"ON d.id = {INDEX}.rowid & {ID_MASK} WHERE {INDEX} MATCH :e{self.days}{where}")
        params = {**params, "e": expression}
        rows = session.execute(text(f"{select} ORDER BY {INDEX}.rowid DESC LIMIT {n}"), params).all()
        if len(rows) == n:  # the last hit's day may hold more, later in 发布日期 or id: read it all
            last = rows[-1].key
            rows += session.execute(text(f"{select} AND {INDEX}.rowid >= :floor AND {INDEX}.rowid < :last"),
                                    {**params, "floor": last >> ID_BITS << ID_BITS, "last": last}).all()
        return [r.id for r in sorted(rows, key=_newest, reverse=True)[:n]]


class _Postgres:
    """The tsvector side: the same as tsqueries (weights A title, B 文号/索引号, C 发文机关)."""
    matches = f"SELECT document_id FROM {INDEX} WHERE terms @@ CAST(:e AS tsquery)"

    def __init__(self, words: list[Word], since: str | None = None, until: str | None = None) -> None:
        everywhere, title, metadata = _tsquery(words), _tsquery(words, "A"), _tsquery(words, "BC")
        self.identifiers = _tsquery(words, "B")
        self.everywhere, self.title, self.metadata = everywhere, title, metadata

    @classmethod
    def tier(cls, session, expression: str, where: str, params: dict, n: int) -> list[int]:
        return list(session.execute(text(
            f"SELECT d.id FROM documents d WHERE d.id IN ({cls.matches}){where} "
            f"ORDER BY d.published_at DESC NULLS LAST, d.id DESC LIMIT {n}"), {**params, "e": expression}).scalars())


def _newest(row) -> tuple:
    """A document's place newest first (reversed): undated last, then 发布日期, then the later id —
    what the SQL orders say."""
    return row.published_at is not None, row.published_at or "", row.id


# --- searching ---------------------------------------------------------------------------------

def search(session, query: str, *, site: str | None = None, since: str | None = None,
           until: str | None = None, limit: int = 10, offset: int = 0) -> list[SearchHit]:
    """Documents matching every word of the query, best first: the exact 文号/索引号, then every
    word in the title, in 文号/索引号/发文机关, in the text; newest (发布日期) first within each.
    `since`, `until`: 发布日期 bounds, inclusive (YYYY-MM-DD); documents without a date are then
    left out. Tiers are read one after the other until the page is full, each no further than
    the page needs."""
    words = query_words(query)
    if not words or limit <= 0:
        return []
    side = (_Postgres if _postgres(session) else _Sqlite)(words, since, until)
    where, params = _filters(site, since, until)
    wanted = max(int(offset), 0) + int(limit)
    ranked: list[tuple[int, float]] = []
    exact = _exact_ids(session, query, side)
    if exact:
        rows = session.execute(text(f"SELECT d.id, d.published_at FROM documents d WHERE d.id IN ({_ids(exact)}){where}"),
                               params).all()
        ranked += [(r.id, EXACT) for r in sorted(rows, key=_newest, reverse=True)[:wanted]]
    # a tier is read only when those above it did not fill the page: all their hits are in
    # `ranked`, and leaving those out is what makes the tier (no NOT in the index's query)
    for tier, expression in ((IN_TITLE, side.title), (IN_METADATA, side.metadata), (IN_TEXT, side.everywhere)):
        if len(ranked) >= wanted:
            break
        above = f" AND d.id NOT IN ({_ids(exact + [i for i, _ in ranked])})" if exact or ranked else ""
        ranked += [(doc_id, tier) for doc_id in side.tier(session, expression, where + above, params, wanted - len(ranked))]
    page = ranked[max(int(offset), 0):wanted]
    if not page:
        return []
    rows = {r.id: r for r in session.execute(text(
        f"SELECT id, title, site, url, published_at, body FROM documents WHERE id IN ({_ids(i for i, _ in page)})"))}
    return [SearchHit(i, rows[i].title, rows[i].site, rows[i].url, rows[i].published_at,
                      snippet(rows[i].body, rows[i].title, words), score) for i, score in page]


def _filters(site: str | None, since: str | None, until: str | None) -> tuple[str, dict]:
    where, params = "", {}
    if site:
        where += " AND d.site = :site"
        params["site"] = site
    if since:
        where += " AND d.published_at >= :since"
        params["since"] = since
    if until:  # a date with a time of day sorts after the bare date: compare before the next day
        where += " AND d.published_at < :until_next"
        params["until_next"] = until + "~"  # "~" sorts after every "T…" a date of that day can carry
    return where, params


def _ids(ids) -> str:
    return ", ".join(str(int(i)) for i in ids)


def _exact_ids(session, query: str, side) -> list[int]:
    """Documents whose 文号 or 索引号 is the query itself (an identifier: it has a digit)."""
    key = identifier_key(query)
    if len(key) < 4 or not any(c.isdigit() for c in key):
        return []
    rows = session.execute(text(f"SELECT id, doc_no, index_no FROM documents WHERE id IN ({side.matches}) LIMIT 1000"),
                           {"e": side.identifiers}).all()
    return sorted(r.id for r in rows if key in (identifier_key(r.doc_no), identifier_key(r.index_no)))


def snippet(body: str | None, title: str | None, words: list[Word]) -> str:
    """Plain text around the first place the text has a word of the query."""
    source = body or title or ""
    folded = normalize(source) if len(normalize(source)) == len(source) else source.lower()
    hits = [i for w in words if (i := folded.find(w.text)) >= 0]
    start = max(min(hits) - SNIPPET_BEFORE, 0) if hits else 0
    end = start + SNIPPET_BEFORE + SNIPPET_AFTER
    text_ = " ".join(source[start:end].split())
    return ("…" if start > 0 else "") + text_ + ("…" if end < len(source) else "")


# --- indexing ----------------------------------------------------------------------------------

def register_functions(dbapi_connection) -> None:
    """SQLite: the functions FTS5 reads the documents through (every connection of the archive
    has them: writing a document updates the index)."""
    dbapi_connection.create_function(TERMS_FUNCTION, 1, terms, deterministic=True)
    dbapi_connection.create_function(KEY_FUNCTION, 2, index_key, deterministic=True)


def _postgres(session: Session) -> bool:
    return session.connection().dialect.name == "postgresql"


def unindex_changed(session: Session, _flush_context, _instances) -> None:
    """before_flush hook: SQLite's index forgets the documents about to get new searchable
    text while the view still shows their old text (an FTS5 table reading its content elsewhere
    removes what that content says now)."""
    ids = [doc.id for doc in changed_documents(session, INDEXED, new=False)]
    if ids and not _postgres(session):
        # its old terms given back: FTS5 would look its rowid up in the view, where it is no column
        columns = ", ".join(FIELDS)
        session.connection().execute(text(f"INSERT INTO {INDEX}({INDEX}, rowid, {columns}) SELECT 'delete', key, "
                                          f"{columns} FROM {SOURCE} WHERE id IN :ids")
                                     .bindparams(bindparam("ids", expanding=True)), {"ids": ids})


def index_changed(session: Session, _flush_context) -> None:
    """after_flush hook: documents new or with changed searchable text are (re)indexed."""
    docs = list(changed_documents(session, INDEXED))
    if docs:
        _index(session.connection(), [doc.id for doc in docs])


def _index(connection, ids: list[int]) -> None:
    if connection.dialect.name == "postgresql":
        rows = connection.execute(text(f"SELECT id, url, {', '.join(FIELDS)} FROM documents WHERE id IN :ids")
                                  .bindparams(bindparam("ids", expanding=True)), {"ids": ids}).all()
        connection.execute(text(f"INSERT INTO {INDEX} (document_id, terms) VALUES (:id, CAST(:terms AS tsvector)) "
                                "ON CONFLICT (document_id) DO UPDATE SET terms = excluded.terms"),
                           [{"id": r.id, "terms": tsvector(r._mapping)} for r in rows])
    else:
        columns = ", ".join(FIELDS)
        # in rowid order: FTS5 writes out what it holds whenever a rowid comes lower than the last
        connection.execute(text(f"INSERT INTO {INDEX} (rowid, {columns}) SELECT key, {columns} FROM {SOURCE} "
                                "WHERE id IN :ids ORDER BY key").bindparams(bindparam("ids", expanding=True)),
                           {"ids": ids})


def index_all_sqlite(connection, chunk: int = 2000, progress=None) -> None:
    """SQLite: the whole archive indexed again, in rowid (发布日期, id) order, read from the
    发布日期 index a day at a time — FTS5's own 'rebuild' reads in id order, and a lower rowid
    after a higher one makes it write out a segment each time (half the build rate at 1M)."""
    connection.execute(text(f"INSERT INTO {INDEX}({INDEX}) VALUES ('delete-all')"))
    rows = connection.execute(text("SELECT id, published_at FROM documents ORDER BY published_at, id"))
    keys: list[int] = []
    for _, day in groupby((index_key(published_at, doc_id) for doc_id, published_at in rows), lambda k: k >> ID_BITS):
        keys += sorted(day)  # a day's documents by id, whatever their 发布日期's time of day
        if len(keys) >= chunk:
            _index(connection, [k & ID_MASK for k in keys])
            if progress:
                progress(len(keys))
            keys = []
    if keys:
        _index(connection, [k & ID_MASK for k in keys])
        if progress:
            progress(len(keys))


def tsvector(fields) -> str:
    """The PostgreSQL tsvector (text form) of a document's fields: the same terms as SQLite's,
    each once per field with that field's weight (a weight needs a position; how often a term
    occurs does not rank here). A tsvector holds 1 MB: a text of more distinct terms than that
    (200,000 characters of no language) keeps those that fit, with a warning — its document is
    stored all the same."""
    entries: dict[str, list[str]] = {}
    position, size = 0, 0
    for field in FIELDS:
        value = fields[field][:BODY_CHARS] if field == "body" and fields[field] else fields[field]
        for term in dict.fromkeys(terms(value).split()):
            if size > TSVECTOR_BYTES:
                log.warning("search index of %s: %s has more distinct terms than a tsvector holds; "
                            "indexed up to %d", fields.get("url") or fields.get("id"), field, position)
                break
            position = min(position + 1, 16383)
            entries.setdefault(term, []).append(f"{position}{PG_WEIGHTS[field]}")
            size += len(term.encode()) + 12
    return " ".join(f"'{term}':{','.join(positions)}" for term, positions in entries.items())


def rebuild(archive, *, chunk: int = 2000, progress=None) -> int:
    """Index the whole archive again; returns the documents indexed."""
    with archive.session() as session:
        connection = session.connection()
        total = connection.execute(text("SELECT count(*) FROM documents")).scalar()
        if connection.dialect.name != "postgresql":
            index_all_sqlite(connection, chunk, progress)
            return total
        connection.execute(text(f"DELETE FROM {INDEX}"))
    last = 0
    while True:
        with archive.session() as session:
            connection = session.connection()
            ids = list(connection.execute(text("SELECT id FROM documents WHERE id > :last ORDER BY id LIMIT :n"),
                                          {"last": last, "n": chunk}).scalars())
            if not ids:
                return total
            _index(connection, ids)
        last = ids[-1]
        if progress:
            progress(len(ids))


def search_tables(name: str | None, type_: str, _parent_names) -> bool:
    """alembic include_name: the search index is not a model (an FTS5 table and its shadow
    tables on SQLite, a tsvector table on PostgreSQL) — schema comparisons leave it out."""
    return not (type_ == "table" and name and name.startswith(INDEX))


def sqlite_ddl() -> list[str]:
    columns = ", ".join(FIELDS)
    return [
        f"CREATE VIEW {SOURCE} AS SELECT id, {KEY_FUNCTION}(published_at, id) AS key, "
        + ", ".join(f"{TERMS_FUNCTION}(substr(body, 1, {BODY_CHARS})) AS body" if f == "body" else
                    f"{TERMS_FUNCTION}({f}) AS {f}" for f in FIELDS) + " FROM documents",
        # detail=column: which field a term is in (the title tier) without every position
        f"CREATE VIRTUAL TABLE {INDEX} USING fts5({columns}, content='{SOURCE}', content_rowid='key', "
        "tokenize='unicode61 remove_diacritics 0', detail=column)",
    ]


def postgres_ddl() -> list[str]:
    return [
        f"CREATE TABLE {INDEX} (document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE, "
        "terms TSVECTOR NOT NULL)",
        f"CREATE INDEX ix_{INDEX}_terms ON {INDEX} USING GIN (terms)",
    ]
