"""Attachment files stored once by SHA-256 with their sniffed type and text; documents' links
point at them; documents get full_text (body + attachment texts of a cover note)

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_files",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("capture_id", sa.Integer(), sa.ForeignKey("captures.id"), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.UniqueConstraint("sha256"),
    )
    with op.batch_alter_table("attachments") as batch_op:
        batch_op.add_column(sa.Column("file_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("fetch_status", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("fetch_error", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_attachments_file_id"), ["file_id"], unique=False)
        batch_op.create_foreign_key("fk_attachments_file_id", "attachment_files", ["file_id"], ["id"])
    with op.batch_alter_table("documents") as batch_op:
        batch_op.add_column(sa.Column("full_text", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch_op:
        batch_op.drop_column("full_text")
    with op.batch_alter_table("attachments") as batch_op:
        batch_op.drop_constraint("fk_attachments_file_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_attachments_file_id"))
        batch_op.drop_column("fetch_error")
        batch_op.drop_column("fetch_status")
        batch_op.drop_column("file_id")
    op.drop_table("attachment_files")
