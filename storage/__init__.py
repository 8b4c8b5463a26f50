"""The archive: SQLAlchemy models, the session owner, the WARC capture store and export."""
from storage.db import Archive, archive_url, data_dir

__all__ = ["Archive", "archive_url", "data_dir"]
