"""Site templates: the lines at the edges of each document's text, counted per site, so the
furniture a site prints on every page is learned from the archive

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch_op:
        batch_op.add_column(sa.Column("edges", sa.JSON(), nullable=True))
    op.create_table(
        "site_templates",
        sa.Column("site", sa.String(length=100), primary_key=True),
        sa.Column("pages", sa.Integer(), nullable=False),
    )
    op.create_table(
        "site_template_lines",
        sa.Column("site", sa.String(length=100), primary_key=True),
        sa.Column("line_hash", sa.BigInteger(), primary_key=True),
        sa.Column("line", sa.Text(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("site_template_lines")
    op.drop_table("site_templates")
    with op.batch_alter_table("documents") as batch_op:
        batch_op.drop_column("edges")
