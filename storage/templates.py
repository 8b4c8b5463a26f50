"""Site templates in the archive: the counts behind pipeline.template, kept current whenever a
document shows a new record (storage.archive.apply_record), so a crawl and a reparse both read
the template of everything archived so far."""
from __future__ import annotations

import hashlib
from collections import Counter

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from pipeline.template import MIN_PAGES, MIN_SHARE, learn
from storage.models import SiteTemplate, SiteTemplateLine


def line_key(line: str) -> int:
    return int.from_bytes(hashlib.blake2b(line.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def _upsert(session: Session, model, rows: list[dict], keys: list[str], counted: str) -> None:
    if not rows:
        return
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(model).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=keys, set_={counted: getattr(model, counted) + getattr(statement.excluded, counted)})
    session.execute(statement)


def recount(session: Session, site: str, before: list[str] | None, after: list[str] | None) -> None:
    """A document of `site` shows other edge lines than it did (None: not counted)."""
    change = Counter(after or [])
    change.subtract(before or [])
    pages = (after is not None) - (before is not None)
    if pages:
        _upsert(session, SiteTemplate, [{"site": site, "pages": pages}], ["site"], "pages")
    rows = [{"site": site, "line_hash": line_key(line), "line": line, "pages": n}
            for line, n in change.items() if n]
    _upsert(session, SiteTemplateLine, rows, ["site", "line_hash"], "pages")


def site_template(session: Session, site: str) -> frozenset[str]:
    """The lines `site` prints around the text of most of its pages."""
    pages = session.scalar(select(SiteTemplate.pages).where(SiteTemplate.site == site)) or 0
    if pages < MIN_PAGES:
        return frozenset()
    rows = session.execute(select(SiteTemplateLine.line, SiteTemplateLine.pages)
                           .where(SiteTemplateLine.site == site,
                                  SiteTemplateLine.pages >= MIN_SHARE * pages)).all()
    return learn(dict(rows), pages)
