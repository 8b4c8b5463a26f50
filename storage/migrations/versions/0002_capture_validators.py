"""HTTP validators (ETag, Last-Modified) on captures, for conditional recrawls

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("captures") as batch:
        batch.add_column(sa.Column("etag", sa.String(length=300), nullable=True))
        batch.add_column(sa.Column("last_modified", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("captures") as batch:
        batch.drop_column("last_modified")
        batch.drop_column("etag")
