"""Alembic environment: used by Archive.upgrade() (connection passed in) and by the CLI."""
from alembic import context
from sqlalchemy import create_engine

from storage.db import archive_url
from storage.models import Base, made_on
from storage.search import search_tables

config = context.config
target_metadata = Base.metadata


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters via table copies
        include_name=search_tables,  # the search index is no model (storage.search)
        include_object=made_on(connection.dialect.name),
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    url = config.get_main_option("sqlalchemy.url") or archive_url()
    with create_engine(url).connect() as conn:
        run(conn)
        conn.commit()
