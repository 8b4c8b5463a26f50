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
`govarchive_terms`, so the text is not stored twice), PostgreSQL as tsvectors (GIN indexes), one
per place the words are looked for, written from the same terms — no database parser or locale
in between. Ranking is the same on both: tiers (the exact 文号/索引号, every word in the title,
every word in 文号/索引号/发文机关, the text), newest first within a tier. Each document has a
key in the index, its 发布日期 (by day) above its id (`index_key`; SQLite's rowid, a B-tree
column on PostgreSQL), so a tier is read from the index newest first and stops at the page: a
word in half the archive costs what its first hits do, not a sort of its matches.

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

from storage.models import changed_documents

log = logging.getLogger("govarchive.search")
# what is searched, in the order of the FTS5 table's columns
FIELDS = ("title", "doc_no", "index_no", "publisher", "body")
# the tables and view search owns, outside the models (FTS5 shadow tables start with the name)
INDEX = "search_index"
SOURCE = "search_source"  # SQLite: the view FTS5 reads the terms through
TERMS_FUNCTION = "govarchive_terms"
KEY_FUNCTION = "govarchive_index_key"  # SQLite: the FTS5 rowid of a document (index_key)
# the places a query's words are looked for, by tier, and their fields (SQLite: FTS5 column
# filters; PostgreSQL: a tsvector column of each name)
PLACES = {"title": ("title",), "identifiers": ("doc_no", "index_no"),
          "metadata": ("doc_no", "index_no", "publisher"), "terms": FIELDS}
# what a document is indexed again for: its searchable text, and its 发布日期 (in its key)
INDEXED = FIELDS + ("published_at",)
# an index key (SQLite: the rowid) is the document's 发布日期 (date_rank) above its id's ID_BITS bits
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
    """A document's key in the search index (SQLite: its rowid), in (发布日期, id) order."""
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


def _tsquery(words: list[Word]) -> str:
    return " & ".join(f"'{g}':*" if w.prefix else f"'{g}'" for w in words for g in w.grams)


@dataclass(frozen=True)
class Tier:
    """Where a tier's words must be, as SQL over `_Side.source` (binding :e to `expression`)."""
    condition: str
    expression: str


class _Side:
    """What search reads on one database: the index joined to its documents (`source`), the index
    key (`key`: index_key, 发布日期 then id), the filters on the documents and a Tier per place
    the words may be. A tier is read the same way on both, newest first by key and stopped at
    the page: a common word costs what its first hits do, not a sort of its matches."""
    source = key = document = ""

    def __init__(self, words: list[Word], site: str | None, since: str | None, until: str | None) -> None:
        # the days the 发布日期 bounds allow, as a range of keys (the bounds themselves are
        # checked on the documents)
        self.days = (f" AND {self.key} >= {date_rank(since) << ID_BITS}" if since else "") + \
            (f" AND {self.key} < {date_rank(until + '~') + 1 << ID_BITS}" if until else "")
        self.filters, self.params = _filters(site, since, until)

    def tier(self, session, tier: Tier, above: list[int], n: int) -> list[int]:
        """The tier's first n documents newest first, but for those in `above` (the tiers above
        it: leaving them out is what makes the tier, no NOT in the index's query)."""
        params = {**self.params, "e": tier.expression}
        excluded = f" AND {self.document} NOT IN ({_ids(above)})" if above else ""
        rows = self.first(session, tier, excluded, params, n)
        if len(rows) == n:  # the last hit's day may hold more, later in 发布日期 or id: read it all
            last = rows[-1].key
            rows += session.execute(text(f"{self.select(tier, excluded)} AND {self.key} >= :floor AND {self.key} < :last"),
                                    {**params, "floor": last >> ID_BITS << ID_BITS, "last": last}).all()
        return [r.id for r in sorted(rows, key=_newest, reverse=True)[:n]]

    def select(self, tier: Tier, excluded: str) -> str:
        return (f"SELECT {self.key} AS key, d.id, d.published_at FROM {self.source} "
                f"WHERE {tier.condition}{self.days}{self.filters}{excluded}")

    def first(self, session, tier: Tier, excluded: str, params: dict, n: int) -> list:
        """The tier's first n hits by key."""
        return session.execute(text(f"{self.select(tier, excluded)} ORDER BY {self.key} DESC LIMIT {n}"), params).all()

    def identified(self, session, tier: Tier) -> list:
        """Documents with every word in 文号/索引号, newest first (at most 1,000)."""
        return session.execute(text(f"SELECT d.id, d.doc_no, d.index_no FROM {self.source} WHERE {tier.condition} "
                                    f"ORDER BY {self.key} DESC LIMIT 1000"), {"e": tier.expression}).all()


class _Sqlite(_Side):
    """FTS5: column filters say where the words are; the rowid is the key."""
    source = f"{INDEX} CROSS JOIN documents d ON d.id = {INDEX}.rowid & {ID_MASK}"  # the index drives
    key = f"{INDEX}.rowid"
    document = "d.id"

    def __init__(self, words: list[Word], site: str | None = None, since: str | None = None,
                 until: str | None = None) -> None:
        super().__init__(words, site, since, until)
        match = f"{INDEX} MATCH :e"
        self.title = Tier(match, _fts_expression(words, ("title",)))
        self.identifiers = Tier(match, _fts_expression(words, PLACES["identifiers"]))
        self.metadata = Tier(match, _fts_expression(words, PLACES["metadata"]))
        self.everywhere = Tier(match, _fts_expression(words))


class _Postgres(_Side):
    """A tsvector column (GIN-indexed) per place the words may be; the key a column (B-tree).
    Left to itself, PostgreSQL's planner reads a word's GIN entries whole and sorts every match
    whenever it believes the word rare — and it believes every word rare, taking a word's
    bigrams to be independent. So a tier is read newest first in key ranges, choosing for each
    the way that reads fewer rows: the `walk` newest rows one by one (a word in many documents has
    its page there); then, from the hits they held, as many more as the page should need, if that
    is fewer than the word's matches in the whole index; else the rest of its matches through
    the GIN index, sorted."""
    source = f"{INDEX} s JOIN documents d ON d.id = s.document_id"
    key = "s.key"
    document = "s.document_id"
    walk = 500  # rows: 7 ms of tsvectors of 2,000-character texts

    def __init__(self, words: list[Word], site: str | None = None, since: str | None = None,
                 until: str | None = None) -> None:
        super().__init__(words, site, since, until)
        query = _tsquery(words)
        self._rows: float | None = None  # _indexed
        self.title, self.identifiers, self.metadata, self.everywhere = (
            Tier(f"s.{column} @@ CAST(:e AS tsquery)", query) for column in PLACES)

    def first(self, session, tier: Tier, excluded: str, params: dict, n: int) -> list:
        rows: list = []
        ceiling, walk, walked = None, self.walk, 0  # keys at or above the ceiling are read: `walked` rows
        while len(rows) < n:
            floor = session.execute(text(f"SELECT key FROM {INDEX} s WHERE TRUE{self.days}{self._below(ceiling)} "
                                         f"ORDER BY key DESC OFFSET {walk - 1} LIMIT 1")).scalar()
            if floor is None:  # the rest of the index is shorter than the walk
                break
            rows += self._read(session, tier, excluded, params, n - len(rows), floor, ceiling)
            ceiling, walked = floor, walked + walk
            if not rows or len(rows) == n:
                break
            # rows to walk for the rest of the page at the rate found so far (and a half more),
            # against the rows the GIN index would give: the word's matches in the whole index
            walk = max((n - len(rows)) * walked * 3 // (2 * len(rows)), 1)
            if walk > self._indexed(session) * len(rows) / walked:
                break
        if len(rows) < n:
            rows += self._read(session, tier, excluded, params, n - len(rows), None, ceiling)
        return rows

    def _indexed(self, session) -> float:
        """Rows in the index, as the planner's statistics have it (read once a search)."""
        if self._rows is None:
            self._rows = session.execute(text(f"SELECT reltuples FROM pg_class WHERE oid = '{INDEX}'::regclass")).scalar()
        return self._rows

    def _read(self, session, tier: Tier, excluded: str, params: dict, n: int, floor: int | None,
              ceiling: int | None) -> list:
        """The first n hits with a key in [floor, ceiling) (no floor: down to the oldest)."""
        bounds = (f" AND s.key >= {floor}" if floor is not None else "") + self._below(ceiling)
        if floor is not None:  # a range of the walk: the key index, read in order
            return session.execute(text(f"{self.select(tier, excluded)}{bounds} ORDER BY s.key DESC LIMIT {n}"),
                                   params).all()
        # the rest: every match from the GIN index, then sorted (MATERIALIZED: the planner would
        # walk the key index instead, as it takes the word for a common one) …
        hits = f"WITH hits AS MATERIALIZED (SELECT key, document_id FROM {INDEX} s WHERE {tier.condition}{self.days}" \
               f"{excluded}{bounds}) "
        if self.filters:  # … joined to their documents, filtered
            return session.execute(text(f"{hits}SELECT h.key, d.id, d.published_at FROM hits h JOIN documents d "
                                        f"ON d.id = h.document_id WHERE TRUE{self.filters} ORDER BY h.key DESC LIMIT {n}"),
                                   params).all()
        # … or the page's documents only
        return session.execute(text(f"{hits}SELECT h.key, d.id, d.published_at FROM (SELECT * FROM hits ORDER BY key DESC "
                                    f"LIMIT {n}) h JOIN documents d ON d.id = h.document_id ORDER BY h.key DESC"),
                               params).all()

    @staticmethod
    def _below(ceiling: int | None) -> str:
        return f" AND s.key < {ceiling}" if ceiling is not None else ""


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
    side = (_Postgres if _postgres(session) else _Sqlite)(words, site, since, until)
    wanted = max(int(offset), 0) + int(limit)
    ranked: list[tuple[int, float]] = []
    exact = _exact_ids(session, query, side)
    if exact:
        rows = session.execute(text(f"SELECT d.id, d.published_at FROM documents d WHERE d.id IN ({_ids(exact)})"
                                    f"{side.filters}"), side.params).all()
        ranked += [(r.id, EXACT) for r in sorted(rows, key=_newest, reverse=True)[:wanted]]
    # a tier is read only when those above it did not fill the page
    for score, tier in ((IN_TITLE, side.title), (IN_METADATA, side.metadata), (IN_TEXT, side.everywhere)):
        if len(ranked) >= wanted:
            break
        above = exact + [i for i, _ in ranked]
        ranked += [(doc_id, score) for doc_id in side.tier(session, tier, above, wanted - len(ranked))]
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
    return sorted(r.id for r in side.identified(session, side.identifiers)
                  if key in (identifier_key(r.doc_no), identifier_key(r.index_no)))


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
        rows = connection.execute(text(f"SELECT id, url, published_at, {', '.join(FIELDS)} FROM documents "
                                       "WHERE id IN :ids").bindparams(bindparam("ids", expanding=True)), {"ids": ids}).all()
        columns = ("key",) + tuple(PLACES)
        values = ", ".join([":key"] + [f"CAST(:{place} AS tsvector)" for place in PLACES])
        connection.execute(text(f"INSERT INTO {INDEX} (document_id, {', '.join(columns)}) VALUES (:id, {values}) "
                                "ON CONFLICT (document_id) DO UPDATE SET "
                                + ", ".join(f"{column} = excluded.{column}" for column in columns)),
                           [{"id": r.id, "key": index_key(r.published_at, r.id), **tsvectors(r._mapping)} for r in rows])
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


def tsvectors(fields) -> dict[str, str]:
    """The PostgreSQL tsvectors (text form) of a document's fields, one per place (PLACES): the
    same terms as SQLite's, without positions (no query reads where a term is). A tsvector holds
    1 MB: a text of more distinct terms than that (200,000 characters of no language) keeps those
    that fit, with a warning — its document is stored all the same."""
    cut = {field: terms(fields[field][:BODY_CHARS] if field == "body" and fields[field] else fields[field]).split()
           for field in FIELDS}
    out = {}
    for place, names in PLACES.items():
        kept: dict[str, None] = {}
        size = 0
        for field in names:
            for term in cut[field]:
                if term in kept:
                    continue
                if size > TSVECTOR_BYTES:
                    log.warning("search index of %s: %s has more distinct terms than a tsvector holds; "
                                "indexed up to %d", fields.get("url") or fields.get("id"), field, len(kept))
                    break
                kept[term] = None
                size += len(term.encode()) + 4
        out[place] = " ".join(f"'{term}'" for term in kept)
    return out


def analyze(connection) -> None:
    """PostgreSQL: planner statistics of an index written anew. Without them its estimates of a
    word's matches are blind, and the GIN and key reads of a tier go astray (2–3× slower at a
    million documents); autovacuum would get there later, or never where it is off."""
    connection.execute(text(f"ANALYZE {INDEX}"))


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
                analyze(connection)
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
        "key BIGINT NOT NULL, " + ", ".join(f"{place} TSVECTOR NOT NULL" for place in PLACES) + ")",
        f"CREATE INDEX ix_{INDEX}_key ON {INDEX} (key)",
    ] + [f"CREATE INDEX ix_{INDEX}_{place} ON {INDEX} USING GIN ({place})" for place in PLACES]
