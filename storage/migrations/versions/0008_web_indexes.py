"""Indexes the web app's pages read by: documents by 发布日期 within a site (0007 has it across
sites), status, publisher and column; versions and attachments by capture. Publisher and column
are hash indexes on PostgreSQL, where a B-tree refuses values over ~2,700 bytes (and would lose
their document).

Revision ID: 0008
Revises: 0007
"""
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEXES = [
    # name, table, columns, PostgreSQL method
    ("ix_documents_site_published_at", "documents", ["site", "published_at"], None),
    ("ix_documents_status", "documents", ["status"], None),
    ("ix_documents_publisher", "documents", ["publisher"], "hash"),
    ("ix_documents_column", "documents", ["column"], "hash"),
    ("ix_document_versions_capture_id", "document_versions", ["capture_id"], None),
    ("ix_attachments_capture_id", "attachments", ["capture_id"], None),
]


def upgrade() -> None:
    for name, table, columns, method in INDEXES:
        op.create_index(name, table, columns, **({"postgresql_using": method} if method else {}))


def downgrade() -> None:
    for name, table, _columns, _method in reversed(INDEXES):
        op.drop_index(name, table_name=table)
