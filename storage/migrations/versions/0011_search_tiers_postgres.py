"""PostgreSQL search index: a tsvector column per place a query's words are looked for (title,
文号/索引号, with 发文机关, everything) instead of one weighted tsvector, and the key SQLite's rowid
is (storage.search.index_key: 发布日期, then id) with a B-tree on it. A weighted query made the GIN
index recheck, and so read, every match's whole tsvector; and a tier newest first sorted all its
matches. Now a tier is read as on SQLite: newest first by key, stopped at the page. SQLite
unchanged.

Revision ID: 0011
Revises: 0010
"""
from alembic import op

from storage import search

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# 0007's index: one tsvector, a weight per field (A title, B 文号/索引号, C 发文机关, D text)
WEIGHTS = {"title": "A", "doc_no": "B", "index_no": "B", "publisher": "C", "body": "D"}


def _reindex(index) -> None:
    bind = op.get_bind()
    ids = [row[0] for row in bind.exec_driver_sql("SELECT id FROM documents ORDER BY id")]
    for start in range(0, len(ids), 1000):
        index(bind, ids[start:start + 1000])


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP TABLE {search.INDEX}")
    for statement in search.postgres_ddl():
        op.execute(statement)
    _reindex(search._index)
    search.analyze(op.get_bind())


def _weighted(fields) -> str:
    entries: dict[str, list[str]] = {}
    position = 0
    for field in search.FIELDS:
        value = fields[field][:search.BODY_CHARS] if field == "body" and fields[field] else fields[field]
        for term in dict.fromkeys(search.terms(value).split()):
            position = min(position + 1, 16383)
            entries.setdefault(term, []).append(f"{position}{WEIGHTS[field]}")
    return " ".join(f"'{term}':{','.join(positions)}" for term, positions in entries.items())


def _index_weighted(bind, ids: list[int]) -> None:
    rows = bind.exec_driver_sql(f"SELECT id, {', '.join(search.FIELDS)} FROM documents "
                                f"WHERE id IN ({', '.join(map(str, ids))})").all()
    bind.exec_driver_sql(f"INSERT INTO {search.INDEX} (document_id, terms) VALUES (%(id)s, CAST(%(terms)s AS tsvector))",
                         [{"id": r.id, "terms": _weighted(r._mapping)} for r in rows])


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP TABLE {search.INDEX}")
    op.execute(f"CREATE TABLE {search.INDEX} (document_id INTEGER PRIMARY KEY REFERENCES documents (id) "
               "ON DELETE CASCADE, terms TSVECTOR NOT NULL)")
    op.execute(f"CREATE INDEX ix_{search.INDEX}_terms ON {search.INDEX} USING GIN (terms)")
    _reindex(_index_weighted)
