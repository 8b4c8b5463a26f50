"""SQLite search index keyed by 发布日期 then id (storage.search.index_key), so a tier is read
newest first from the index itself and stops at the page; indexed again. PostgreSQL unchanged.

Revision ID: 0010
Revises: 0009
"""
from alembic import op

from storage import search

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _recreate(statements: list[str], index) -> None:
    if op.get_bind().dialect.name == "postgresql":
        return
    # the alembic CLI's connection is not the archive's: give it the index's functions too
    search.register_functions(op.get_bind().connection.driver_connection)
    op.execute(f"DROP TABLE {search.INDEX}")
    op.execute(f"DROP VIEW {search.SOURCE}")
    for statement in statements:
        op.execute(statement)
    index(op.get_bind())


def upgrade() -> None:
    _recreate(search.sqlite_ddl(), search.index_all_sqlite)


def downgrade() -> None:  # 0007's index: rowid = document id
    _recreate([statement.replace(f"{search.KEY_FUNCTION}(published_at, id) AS key, ", "")
               .replace("content_rowid='key'", "content_rowid='id'") for statement in search.sqlite_ddl()],
              lambda bind: bind.exec_driver_sql(f"INSERT INTO {search.INDEX}({search.INDEX}) VALUES ('rebuild')"))
