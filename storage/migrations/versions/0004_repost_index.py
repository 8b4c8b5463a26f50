"""The near-duplicate (repost) index lives in the archive: LSH band keys per document, and a
queue of documents whose text is new or changed since, so dedup after a crawl reads only those

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "repost_queue",
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), primary_key=True),
    )
    # every document archived before this revision waits for its first pass
    op.execute("INSERT INTO repost_queue (document_id) SELECT id FROM documents")
    op.create_table(
        "repost_bands",
        sa.Column("band_key", sa.BigInteger(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id"), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_repost_bands_document_id", "repost_bands", ["document_id"])
    # a group of reposts is found by what points at its original
    op.create_index("ix_documents_duplicate_of_id", "documents", ["duplicate_of_id"])


def downgrade() -> None:
    op.drop_index("ix_documents_duplicate_of_id", "documents")
    op.drop_index("ix_repost_bands_document_id", "repost_bands")
    op.drop_table("repost_bands")
    op.drop_table("repost_queue")
