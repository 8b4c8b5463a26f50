"""Full-text search: documents by 发布日期 (an index), an FTS5 index on SQLite (its terms read through a view), a tsvector table
with a GIN index on PostgreSQL, both of the terms storage.search computes; existing documents
are indexed here

Revision ID: 0007
Revises: 0006
"""
from alembic import op

from storage import search

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_published_at", "documents", ["published_at"])
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for statement in search.postgres_ddl():
            op.execute(statement)
        ids = [row[0] for row in bind.exec_driver_sql("SELECT id FROM documents ORDER BY id")]
        for start in range(0, len(ids), 1000):
            search._index(bind, ids[start:start + 1000])
    else:
        # the alembic CLI's connection is not the archive's: give it the terms function too
        search.register_functions(bind.connection.driver_connection)
        for statement in search.sqlite_ddl():
            op.execute(statement)
        search.index_all_sqlite(bind)


def downgrade() -> None:
    op.execute(f"DROP TABLE {search.INDEX}")
    if op.get_bind().dialect.name != "postgresql":
        op.execute(f"DROP VIEW {search.SOURCE}")
    op.drop_index("ix_documents_published_at", "documents")
