"""Is a site in trouble? Judged from its run history, the same way for every reader."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import CrawlRun

FAILURES_IN_A_ROW = 3
ERROR_RATE_FLOOR = 0.10  # below this share of requests, errors are noise


def run_warnings(run_stats: dict, previous_stats: dict | None) -> list[str]:
    """Warnings about one finished run, compared with the site's previous run."""
    warnings = []
    previous = previous_stats or {}
    if run_stats.get("empty_list_pages") and not previous.get("empty_list_pages"):
        warnings.append(f"{run_stats['empty_list_pages']} list pages without items that had items before: layout changed?")
    rate = run_stats.get("errors", 0) / max(run_stats.get("requests", 0), 1)
    before = previous.get("errors", 0) / max(previous.get("requests", 0), 1)
    if rate >= ERROR_RATE_FLOOR and rate > 2 * before:
        warnings.append(f"error rate jumped to {rate:.0%} (was {before:.0%})")
    return warnings


def previous_run(session: Session, site: str, before_id: int) -> CrawlRun | None:
    return session.scalar(
        select(CrawlRun).where(CrawlRun.site == site, CrawlRun.id < before_id, CrawlRun.status != "running")
        .order_by(CrawlRun.id.desc()).limit(1)
    )


def site_warnings(session: Session, site: str) -> list[str]:
    """What `status` shows: the last run's warnings and runs failing in a row."""
    runs = session.scalars(
        select(CrawlRun).where(CrawlRun.site == site).order_by(CrawlRun.id.desc()).limit(FAILURES_IN_A_ROW)
    ).all()
    if not runs:
        return []
    warnings = list(runs[0].stats.get("warnings", []))
    done = [r for r in runs if r.status != "running"]
    if len(done) == FAILURES_IN_A_ROW and all(r.status != "finished" for r in done):
        warnings.append(f"{FAILURES_IN_A_ROW} failed runs in a row")
    return warnings
