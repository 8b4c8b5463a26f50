"""How right extract() was on each fresh page the first time it read it.

    .venv/bin/python -m tests.first_reading [-v] [--since unseenNN]

Every batch of pages labelled from hosts nobody had looked at (fixtures/eval/labels/unseen*.jsonl)
landed in the commit that added its label file; the extractor of that commit's parent is the one
that read it first, before any rule was written from it. This checks that extractor out (a git
worktree of the commit's parent, in a temporary folder), reads each page of the batch with it and
scores the records against today's labels, as tests.eval scores. It is the one measure of hosts
never seen that rule-writing has not touched since: tests.eval's held-out fold is small, and every
studied batch reads right today because rules were written from it.

Printed over every fresh page, and over the most recent ones (the latest extractors). Needs the
repository's history (a shallow clone says so and stops).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.extraction_cases import EVAL, FIELDS, Case, edges_right, field_right

ROOT = Path(__file__).resolve().parent.parent
MEASURES = FIELDS + ("body start", "body end")
RECENT = 20  # pages: the latest batches, read by the latest extractors

# run inside the old checkout: its extract() on each labelled page, the fields as JSON (an old
# extract() returned a dict, a newer one a DocumentRecord)
_READ = """
import json, sys
sys.path.insert(0, ".")
from pipeline import extract
fields = json.loads(sys.argv[3])
out = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        label = json.loads(line)
        record = extract(open(sys.argv[2] + "/" + label["page"], "rb").read(), label["url"])
        get = record.get if isinstance(record, dict) else lambda name: getattr(record, name, None)
        out[label["page"]] = {name: get(name) for name in fields + ["body"]}
print(json.dumps(out, ensure_ascii=False, default=str))
"""


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout


def batches() -> list[tuple[str, Path]]:
    """(commit that added it, label file) of every fresh batch, oldest first."""
    found = []
    for path in EVAL.joinpath("labels").glob("unseen*.jsonl"):
        added = _git("log", "--diff-filter=A", "--format=%H %ct", "--", str(path.relative_to(ROOT))).split()
        if added:
            found.append((int(added[-1]), added[-2], path))
    return [(commit, path) for _, commit, path in sorted(found)]


def first_readings(commit: str, labels: Path, scratch: Path) -> dict:
    """The records the extractor of `commit`'s parent gives for the batch's pages."""
    tree = scratch / commit[:12]
    _git("worktree", "add", "--detach", "-f", str(tree), f"{commit}^")
    try:
        done = subprocess.run([sys.executable, "-c", _READ, str(labels), str(EVAL.parent), json.dumps(list(FIELDS))],
                              cwd=tree, capture_output=True, text=True)
    finally:
        _git("worktree", "remove", "--force", str(tree))
    if done.returncode:
        raise RuntimeError(f"{labels.name}: the extractor of {commit[:10]}^ failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout)


def score(rows: list[tuple[dict, dict]]) -> dict[str, float]:
    right = dict.fromkeys(MEASURES, 0)
    for label, record in rows:
        for name in FIELDS:
            right[name] += field_right(name, record[name], label["fields"][name])
        case = Case(label["page"], b"", label["url"], label["fields"], None,
                    body_start=label["body_start"], body_end=label["body_end"])
        starts, ends = edges_right(record["body"], case)
        right["body start"] += starts
        right["body end"] += ends
    return {measure: count / len(rows) for measure, count in right.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", action="store_true", help="list each page's first-reading misses")
    parser.add_argument("--since", metavar="BATCH", help="add a column for the batches from this one on (e.g. unseen53)")
    args = parser.parse_args()
    if _git("rev-parse", "--is-shallow-repository").strip() == "true":
        sys.exit("tests.first_reading: this clone is shallow; it needs the history (git fetch --unshallow)")
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for commit, labels in batches():
            records = first_readings(commit, labels, Path(scratch))
            for line in labels.read_text("utf-8").splitlines():
                if line.strip():
                    label = json.loads(line)
                    rows.append((label, records[label["page"]], commit, labels.stem))
    pairs = [(label, record) for label, record, _, _ in rows]
    columns = [(f"all fresh ({len(pairs)} pages, {len({label['host'] for label, _ in pairs})} hosts)", score(pairs)),
               (f"latest {RECENT} pages", score(pairs[-RECENT:]))]
    if args.since:
        order = [batch for *_, batch in rows]
        if args.since not in order:
            sys.exit(f"tests.first_reading: no batch {args.since!r} (the batches are fixtures/eval/labels/unseen*.jsonl)")
        since = [(label, record) for label, record, _, batch in rows[order.index(args.since):]]
        columns.append((f"{args.since} on ({len(since)} pages, {len({label['host'] for label, _ in since})} hosts)", score(since)))
    print("first reading of each fresh page, by the extractor of the commit before its batch landed")
    print(f"{'':14s}" + "".join(f"{title:>34s}" for title, _ in columns))
    for measure in MEASURES:
        print(f"{measure:14s}" + "".join(f"{rates[measure]:34.3f}" for _, rates in columns))
    if args.v:
        for label, record, commit, _ in rows:
            wrong = [m for m in MEASURES if score([(label, record)])[m] < 1]
            if wrong:
                print(f"  {label['page']} (read by {commit[:10]}^): {', '.join(wrong)}")
                for name in (m for m in wrong if m in FIELDS):
                    print(f"      {name}: got {record[name]!r}, want {label['fields'][name]!r}")


if __name__ == "__main__":
    main()
