"""Crawl runs: the one owner of the run record, from start to end status, and of what a site's
run history says about it.

A crawl opens its run (start) and closes it (finish, which judges the status from the counts);
the runner ends a run from outside when it stops a crawl (interrupt) or sees one die (fail).
Readers ask whether the last run was clean (may an incremental crawl stop early?), for the
latest run, and for health warnings. Exit codes of the crawl and the scheduler live here too.
"""
from __future__ import annotations

from datetime import datetime
from enum import Enum, IntEnum

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import CrawlRun, utcnow


class RunStatus(str, Enum):
    RUNNING = "running"
    FINISHED = "finished"        # every request archived, unchanged, gone or skipped by a rule
    INCOMPLETE = "incomplete"    # finished, but some requests ended in error: not clean
    FAILED = "failed"            # errors, and nothing archived or confirmed (site down, blocked …)
    INTERRUPTED = "interrupted"  # killed, or stopped by a signal before it finished
    TIMED_OUT = "timed out"      # stopped at the site's time_limit

    def __str__(self) -> str:
        return self.value


class ExitCode(IntEnum):
    OK = 0          # finished or incomplete (the run record says which)
    ERROR = 1       # Scrapy could not start the crawl
    CONFIG = 2      # bad sites file, option, archive or data folder: one line on stderr
    LOCKED = 3      # another crawl holds the site
    FAILED = 4      # the run ended failed: nothing archived or confirmed, because of errors
    TIMED_OUT = 124  # stopped at the site's time_limit (as timeout(1) says it)


# Counts that show the site answered: something archived, confirmed unchanged or gone, or a
# list page read. A run with errors and none of these is FAILED.
CONFIRMED = ("new", "changed", "unchanged", "merged", "gone", "broken_links", "attachments", "attachments_gone",
             "list_pages", "list_pages_unchanged", "list_pages_gone")
FAILURES_IN_A_ROW = 3
ERROR_RATE_FLOOR = 0.10  # below this share of requests, errors are noise
QUIET_RUNS = 7  # scheduled runs in a row without a new document, after runs that had some
COLUMNS_SHOWN = 5  # columns named in a warning of columns that appeared or vanished
HISTORY = 2 * QUIET_RUNS + FAILURES_IN_A_ROW  # ended runs a site's warnings look back on


def start(session: Session, site: str, trigger: str, log_path: str | None = None) -> CrawlRun:
    """Open a run. The caller holds the site's lock, so a run of the site still marked running
    was killed: it is closed as interrupted."""
    session.execute(update(CrawlRun).where(CrawlRun.site == site, CrawlRun.status == RunStatus.RUNNING.value)
                    .values(status=RunStatus.INTERRUPTED.value))
    run = CrawlRun(site=site, trigger=trigger, status=RunStatus.RUNNING.value, stats={}, log_path=log_path)
    session.add(run)
    session.flush()
    return run


def status_of(reason: str, counts: dict) -> RunStatus:
    """The end status of a crawl Scrapy closed for `reason`, with these counts."""
    if reason in ("shutdown", "cancelled"):
        return RunStatus.INTERRUPTED
    if reason == "closespider_timeout":
        return RunStatus.TIMED_OUT
    if reason != "finished":
        return RunStatus.FAILED
    if not counts.get("errors"):
        return RunStatus.FINISHED
    return RunStatus.INCOMPLETE if confirmed(counts) else RunStatus.FAILED


def confirmed(counts: dict) -> int:
    return sum(int(counts.get(name) or 0) for name in CONFIRMED)


def finish(session: Session, run_id: int, reason: str, counts: dict) -> CrawlRun:
    """Close a run: its status, end time and counts, with the warnings its counts raise against
    the site's previous run (kept in counts["warnings"])."""
    run = session.get(CrawlRun, run_id)
    before = previous(session, run.site, run.id)
    run.status = status_of(reason, counts).value
    counts = dict(counts, warnings=run_warnings(counts, before.stats if before else None, run.site))
    if reason not in ("finished", "shutdown", "cancelled"):
        counts["reason"] = reason
    run.ended_at, run.stats = utcnow(), counts
    return run


def fail(session: Session, run_id: int, reason: str) -> None:
    """A run that cannot go on (its process died before closing it)."""
    run = session.get(CrawlRun, run_id)
    if run is not None and run.status == RunStatus.RUNNING:
        run.status, run.ended_at = RunStatus.FAILED.value, utcnow()
        run.stats = dict(run.stats or {}, reason=reason)


def interrupt(session: Session, site: str, since: datetime, status: RunStatus = RunStatus.INTERRUPTED) -> None:
    """Close the site's runs started since `since` that a stopped crawl left open (or closed as
    interrupted itself on SIGTERM): say why it stopped."""
    session.execute(update(CrawlRun)
                    .where(CrawlRun.site == site, CrawlRun.started_at >= since,
                           CrawlRun.status.in_([RunStatus.RUNNING.value, RunStatus.INTERRUPTED.value]))
                    .values(status=status.value, ended_at=utcnow()))


def latest(session: Session, site: str, since: datetime | None = None) -> CrawlRun | None:
    query = select(CrawlRun).where(CrawlRun.site == site)
    if since is not None:
        query = query.where(CrawlRun.started_at >= since)
    return session.scalar(query.order_by(CrawlRun.id.desc()).limit(1))


def previous(session: Session, site: str, before_id: int) -> CrawlRun | None:
    """The site's last ended run before this one."""
    return session.scalar(
        select(CrawlRun).where(CrawlRun.site == site, CrawlRun.id < before_id, CrawlRun.status != RunStatus.RUNNING.value)
        .order_by(CrawlRun.id.desc()).limit(1)
    )


def last_root_report(session: Session, site: str) -> dict | None:
    """The counts of the site's last ended run that looked at its root (crawler.discovery.watch):
    the columns that appeared or vanished as it saw them."""
    for run in session.scalars(select(CrawlRun).where(CrawlRun.site == site, CrawlRun.status != RunStatus.RUNNING.value)
                               .order_by(CrawlRun.id.desc()).limit(2 * QUIET_RUNS + FAILURES_IN_A_ROW)):
        if "columns_appeared" in (run.stats or {}):
            return run.stats
    return None


def last_run_clean(session: Session, site: str, before_id: int | None = None) -> bool:
    """Whether the site's last run (before `before_id`) finished with every request ended
    without error, so every document on the list pages it stopped before was archived."""
    query = select(CrawlRun).where(CrawlRun.site == site)
    if before_id is not None:
        query = query.where(CrawlRun.id < before_id)
    run = session.scalar(query.order_by(CrawlRun.id.desc()).limit(1))
    return run is not None and run.status == RunStatus.FINISHED and not run.stats.get("errors")


# --- health -----------------------------------------------------------------------------------

def all_errors(stats: dict) -> bool:
    """A run whose requests all failed: errors, and nothing archived or confirmed."""
    return bool(stats.get("errors")) and not confirmed(stats)


def run_warnings(run_stats: dict, previous_stats: dict | None, site: str = "SITE") -> list[str]:
    """Warnings about one ended run, compared with the site's previous run."""
    warnings = []
    before = previous_stats or {}
    if all_errors(run_stats):
        first = (run_stats.get("error_samples") or [{}])[0]
        where = f" (first: {first['url']}: {first['reason']})" if first.get("url") else ""
        warnings.append(f"every request failed: {run_stats['errors']} errors, nothing archived or confirmed{where}")
    if run_stats.get("empty_list_pages") and not before.get("empty_list_pages"):
        warnings.append(f"{run_stats['empty_list_pages']} list pages without items that had items before: layout changed?")
    rate = run_stats.get("errors", 0) / max(run_stats.get("requests", 0), 1)
    was = before.get("errors", 0) / max(before.get("requests", 0), 1)
    if rate >= ERROR_RATE_FLOOR and rate > 2 * was and not all_errors(run_stats):
        warnings.append(f"error rate jumped to {rate:.0%} (was {was:.0%})")
    if run_stats.get("list_walks_capped"):
        warnings.append(f"{run_stats['list_walks_capped']} list walks stopped at GOVARCHIVE_MAX_LIST_PAGES: "
                        "records past it were not read (the log names the columns)")
    for key, happened in (("columns_appeared", "appeared under the site's root, not in its start_urls"),
                          ("columns_vanished", "of its start_urls no longer under the site's root")):
        if urls := run_stats.get(key):
            shown = ", ".join(urls[:COLUMNS_SHOWN]) + (f" and {len(urls) - COLUMNS_SHOWN} more" if len(urls) > COLUMNS_SHOWN else "")
            warnings.append(f"{len(urls)} columns {happened}: {shown} (scrapy discover --name {site} --write adopts them)")
    if str(run_stats.get("root", "")).startswith("not read"):
        warnings.append(f"the site's root was {run_stats['root']}: columns that appeared or vanished are not known")
    if run_stats.get("skipped") and not confirmed(run_stats) and not run_stats.get("errors"):
        warnings.append(f"every request was skipped by a rule ({_by_rule(run_stats)}): nothing archived")
    return warnings


def _by_rule(stats: dict) -> str:
    return ", ".join(f"{rule} {n}" for rule, n in sorted((stats.get("skipped_by_rule") or {}).items())) or "none"


def failed(run: CrawlRun) -> bool:
    return run.status in (RunStatus.FAILED, RunStatus.TIMED_OUT, RunStatus.INTERRUPTED) or all_errors(run.stats or {})


def site_warnings(session: Session, site: str) -> list[str]:
    """What `status` shows: the last run's warnings, a failed last run, runs failing in a row,
    and scheduled runs that stopped finding new documents."""
    runs = session.scalars(select(CrawlRun).where(CrawlRun.site == site, CrawlRun.status != RunStatus.RUNNING.value)
                           .order_by(CrawlRun.id.desc()).limit(HISTORY)).all()
    return history_warnings(runs)


def history_warnings(runs: list[CrawlRun]) -> list[str]:
    """site_warnings of a site whose last HISTORY ended runs, newest first, are these (for a
    reader that has them already)."""
    runs = [r for r in runs if r.status != RunStatus.RUNNING][:HISTORY]
    if not runs:
        return []
    last = runs[0]
    warnings = list((last.stats or {}).get("warnings", []))
    if failed(last) and not any(w.startswith("every request failed") for w in warnings):
        warnings.append(f"last run {last.status}" + (f": {last.stats['errors']} errors" if last.stats.get("errors") else ""))
    if len(runs) >= FAILURES_IN_A_ROW and all(failed(r) for r in runs[:FAILURES_IN_A_ROW]):
        streak = next((n for n, r in enumerate(runs) if not failed(r)), len(runs))
        warnings.append(f"{streak} failed runs in a row")
    scheduled = [r for r in runs if r.trigger == "scheduled" and not failed(r)]
    recent, before = scheduled[:QUIET_RUNS], scheduled[QUIET_RUNS:2 * QUIET_RUNS]
    if (len(recent) == QUIET_RUNS and not any(r.stats.get("new") for r in recent)
            and any(r.stats.get("new") for r in before)):
        warnings.append(f"no new documents in the last {QUIET_RUNS} scheduled runs, where there were "
                        f"{sum(r.stats.get('new', 0) for r in before)} in the {len(before)} before: column moved?")
    return warnings


# --- the summary line ---------------------------------------------------------------------------

def summary_line(site: str, counts: dict, status: str | None = None) -> str:
    """The one-paragraph account of a run, as the crawl prints it and `scheduler.py run` repeats it."""
    c = {k: counts.get(k, 0) for k in ("pages_fetched", "list_pages", "new", "changed", "unchanged", "merged",
                                       "gone", "attachments", "errors")}
    families = ", ".join(f"{k} {v}" for k, v in (counts.get("families") or {}).items()) or "none"
    message = (
        f"Crawl summary for {site}: {c['pages_fetched']} pages fetched "
        f"({c['list_pages']} list pages; families: {families}), documents "
        f"{c['new']} new / {c['changed']} changed / {c['unchanged']} unchanged"
        f" / {c['merged']} more URLs of known ones"
        f" / {c['gone']} gone, {c['attachments']} attachments, {c['errors']} errors"
    )
    if counts.get("skipped"):
        message += f", {counts['skipped']} skipped by rule ({_by_rule(counts)})"
    if counts.get("reposts"):
        message += f", {counts['reposts']} near copies of other documents (linked as reposts)"
    if counts.get("broken_links"):
        message += f", {counts['broken_links']} broken links (404 on a listed page)"
    if counts.get("template_trimmed"):
        message += f", {counts['template_trimmed']} trimmed of their site's template"
    if counts.get("list_pages_unchanged"):
        message += f", {counts['list_pages_unchanged']} list pages not modified (304)"
    if counts.get("attachments_gone"):
        message += f", {counts['attachments_gone']} attachments gone (404)"
    if counts.get("charset_repaired"):
        message += f", {counts['charset_repaired']} pages decoded with another charset than declared"
    if counts.get("empty_list_pages"):
        message += f"; {counts['empty_list_pages']} list pages without items (layout changed?)"
    if counts.get("records_unreached"):
        message += f"; {counts['records_unreached']} listed records only behind an unsupported search API"
    if counts.get("list_walks_capped"):
        message += f"; {counts['list_walks_capped']} list walks stopped at GOVARCHIVE_MAX_LIST_PAGES"
    if counts.get("list_walks_repeating"):
        message += f"; {counts['list_walks_repeating']} list walks ended on a page repeating records already read"
    if counts.get("columns_appeared") or counts.get("columns_vanished"):
        message += (f"; {len(counts.get('columns_appeared') or [])} columns appeared under the site's root, "
                    f"{len(counts.get('columns_vanished') or [])} vanished")
    if counts.get("documents_truncated"):
        message += (f"; {counts['documents_truncated']} documents over the size bound extracted from their "
                    "beginning (the WARC keeps every byte)")
    if status in (RunStatus.INCOMPLETE, RunStatus.FAILED):
        message += ("; run incomplete: the next crawl walks every list page again" if status == RunStatus.INCOMPLETE
                    else "; run failed: nothing archived or confirmed")
    return message
