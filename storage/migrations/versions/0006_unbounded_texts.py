"""Values without a natural bound are Text: on PostgreSQL a 有效性 over 50 characters, a 文号
over 200, a URL over 2,000, an ETag over 300 or a Content-Type over 200 failed the document's
transaction and lost it (bounded, indexed columns are cut to fit by the sessions instead)

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

WIDENED = [
    # table, column, old type
    ("documents", "validity", sa.String(50)),
    ("documents", "doc_no", sa.String(200)),
    ("document_urls", "url", sa.String(2000)),
    ("captures", "content_type", sa.String(200)),
    ("captures", "etag", sa.String(300)),
    ("captures", "last_modified", sa.String(100)),
]


def upgrade() -> None:
    for table, column, old in WIDENED:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=sa.Text(), existing_type=old)


def downgrade() -> None:
    for table, column, old in WIDENED:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=old, existing_type=sa.Text())
