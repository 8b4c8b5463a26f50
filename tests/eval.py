"""How right extract() is on the labelled pages: per field, and the body's exact edges.

    .venv/bin/python -m tests.eval [-v] [--fold N] [--rotate] [--stress]

Printed over every real page, over the pages of hosts held out from rule-writing, and over
every real page again with the class and id names extraction knows renamed (content
containers, breadcrumbs: a CMS nobody listed, whose text and trail must be found by what they are).
Hosts are split into FOLDS folds by a fixed-seed hash of the host name; fold N (default 0) is
held out, `--rotate` prints every fold's held-out figures in turn. The hosts of the first
labelled pages (real_pages.json, which the rules were first written on) are never held out.
A label may also say `"held_out": true`: such a page (a batch labelled to measure hosts nobody
has looked at) is held out in every fold and has its own column, "labelled held out"; once
measured and studied (`"held_out": false, "studied": true`) its hosts are never held out again.
`-v` lists the misses on pages that are not held out: rules are written from those only.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import lxml.html

from pipeline import extract
from pipeline.extract import parse_html
from pipeline.vocab import BREADCRUMB_NAMES, CONTENT_CONTAINERS
from tests.extraction_cases import EVAL, FIELDS, Case, all_cases, edges_right, field_right, misses, squeeze

FOLDS = 5
SEED = "govarchive-eval-1"
SLACK = 120  # "within" this many characters of the labelled edge
MEASURES = FIELDS + ("body start", "body end", f"start ±{SLACK}", f"end ±{SLACK}")


def fold_of(host: str) -> int:
    return int(hashlib.sha256(f"{SEED}:{host}".encode()).hexdigest(), 16) % FOLDS


@dataclass
class Score:
    pages: int = 0
    hosts: set = field(default_factory=set)
    right: dict = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))
    misses: list = field(default_factory=list)  # (case, measure, got, want)

    def rate(self, measure: str) -> float:
        return self.right[measure] / self.pages if self.pages else float("nan")


def judge(case: Case, score: Score) -> None:
    record = extract(case.html, case.url)
    score.pages += 1
    score.hosts.add(case.host)
    for name in FIELDS:
        got, want = getattr(record, name), case.fields[name]
        if field_right(name, got, want):
            score.right[name] += 1
        else:
            score.misses.append((case, name, got, want))
    starts, ends = edges_right(record.body, case)
    near_start, near_end = edges_right(record.body, case, SLACK)
    text = squeeze(record.body)
    for measure, ok, got, want in (("body start", starts, text[:40], case.body_start),
                                   ("body end", ends, text[-40:], case.body_end),
                                   (f"start ±{SLACK}", near_start, None, None),
                                   (f"end ±{SLACK}", near_end, None, None)):
        score.right[measure] += ok
        if not ok and want is not None or not ok and measure in ("body start", "body end"):
            score.misses.append((case, measure, got, want))


def evaluate(cases: Iterable[Case]) -> Score:
    score = Score()
    for case in cases:
        judge(case, score)
    return score


# class and id values, and in them the names extraction knows: CMS content containers (whole
# words, vocab.CONTENT_CONTAINERS) and breadcrumbs (any part of a name, vocab.BREADCRUMB_NAMES)
_NAMING = re.compile(rb"""((?:id|class)\s*=\s*)(["'])(.*?)\2""", re.I | re.S)
_CMS_NAMES = re.compile(rb"\b(%s)\b" % b"|".join(
    re.escape(name.encode()) for name in sorted({name for _, name in CONTENT_CONTAINERS}, key=len, reverse=True)), re.I)
_CRUMB_NAMES = re.compile(b"|".join(re.escape(name.encode()) for name in BREADCRUMB_NAMES), re.I)


def unknown_cms(case: Case) -> Case:
    """The page as a CMS nobody listed would print it: the class and id names extraction knows
    renamed (`TRS_Editor` → `cms0`, `breadcrumb` → `zz`) and no ArticleTitle meta tag, so the
    text, the trail and the title are found by what they are, not by name."""
    names: dict[bytes, bytes] = {}

    def rename(value: bytes) -> bytes:
        value = _CMS_NAMES.sub(lambda m: names.setdefault(m.group(1).lower(), b"cms%d" % len(names)), value)
        return _CRUMB_NAMES.sub(b"zz", value)

    html = _NAMING.sub(lambda m: m.group(1) + m.group(2) + rename(m.group(3)) + m.group(2), case.html)
    return dataclasses.replace(case, html=_ARTICLE_TITLE.sub(b"", html))


# a CMS nobody listed rarely writes the gov meta tag that gives the title (labels never come from it)
_ARTICLE_TITLE = re.compile(rb"""<meta\s[^>]*name\s*=\s*["']?ArticleTitle[^>]*>""", re.I)


# labels followed by a colon, full-width or not, in the page's bytes (UTF-8 or GBK alike: the
# labels are matched in the page's own encoding)
_LABEL_WORDS = ("索引号", "发布机构", "发文机关", "发文字号", "文号", "成文日期", "发布日期", "主题分类", "信息来源", "有效性")


def without_colons(case: Case) -> Case:
    """The page with its labels printed without colons (索引号 1133…, 文号 示发〔2024〕3号)."""
    html = case.html
    for encoding in ("utf-8", "gb18030"):
        for word in _LABEL_WORDS:
            for colon in ("：", ":"):
                html = html.replace((word + colon).encode(encoding), word.encode(encoding))
    return dataclasses.replace(case, html=html)


def cells_as_blocks(case: Case) -> Case:
    """The page with its table cells printed as divs (a CSS grid instead of a table)."""
    return dataclasses.replace(case, html=_CELL.sub(lambda m: b"<" + m.group(1) + b"div", case.html))


_CELL = re.compile(rb"<(/?)(?:td|th)\b", re.I)


def site_titled(case: Case) -> Case:
    """The page as an older CMS prints it: a <title> naming only the site and no ArticleTitle
    meta, so the title is found in the page's own headlines and by where it stands."""
    html = _ARTICLE_TITLE.sub(b"", case.html)
    try:
        html.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        encoding = "gb18030"
    return dataclasses.replace(case, html=_TITLE.sub("<title>示例市人民政府网站</title>".encode(encoding), html, count=1))


_TITLE = re.compile(rb"<title[^>]*>.*?</title>", re.I | re.S)


def plain_headline(case: Case) -> Case:
    """The page as `site_titled` gives it, its headings (h1–h3) printed as plain divs with no
    class or id: the title is found only by where it stands and what it reads as."""
    tree = parse_html(site_titled(case).html)
    if tree is None:
        return case
    for heading in tree.xpath("//h1|//h2|//h3"):
        heading.tag = "div"
        for name in ("class", "id"):
            heading.attrib.pop(name, None)
    return _reprinted(case, tree)
SHARE = "<div><a href='#'>微信</a> <a href='#'>微博</a> <a href='#'>QQ空间</a></div>"
RELATED = ("<div>往期回顾</div><ul><li><a href='/a/1.html'>示例市召开安全生产工作会议</a></li>"
           "<li><a href='/a/2.html'>示例市开展防汛应急演练活动</a></li><li><a href='/a/3.html'>示例市发布夏季用电安全提示</a></li></ul>")


def furniture_around(case: Case) -> Case:
    """The page with a share bar printed right before the element holding the text's first
    characters and a list of links to other pages, under a heading nobody listed (往期回顾),
    right after the one holding its last (as labelled): tools and lists no vocabulary names."""
    if (edges := _edge_holders(case)) is None:
        return case
    tree, first, last = edges
    for el in reversed(lxml.html.fragments_fromstring(RELATED)):
        last.addnext(el)
    first.addprevious(lxml.html.fragment_fromstring(SHARE))
    return _reprinted(case, tree)


def _reprinted(case: Case, tree) -> Case:
    """The case with its page printed again from its changed tree, in UTF-8."""
    return dataclasses.replace(case, html=b"<meta charset='utf-8'>" + lxml.html.tostring(tree, encoding="utf-8"))


def _edge_holders(case: Case) -> tuple | None:
    """The page's tree and its deepest elements holding the text's first characters and its last
    (as labelled), or None when the page or either edge is missing."""
    tree = parse_html(case.html)
    if tree is None or not case.body_start or not case.body_end:
        return None
    first, last = _holder(tree, squeeze(case.body_start)[:8], opening=True), _holder(tree, squeeze(case.body_end)[-8:])
    return None if first is None or last is None else (tree, first, last)


def _holder(tree, words: str, opening: bool = False):
    """The deepest element whose text holds `words`, at their last occurrence in the page; with
    `opening`, the first deepest element whose text opens with them, if any (a text's opening
    words may come again further in it, or in its title before it)."""
    holders = [el for el in tree.iter() if isinstance(el.tag, str) and words in squeeze(el.text_content())]
    deepest = [el for el in holders if not any(child in holders for child in el)]
    opened = [el for el in deepest if squeeze(el.text_content()).startswith(words)] if opening else []
    found = (opened or deepest or [None])[0 if opened else -1]
    return found if found is not None and found.getparent() is not None else None


WELCOME = ("<div><h3>领导致辞</h3><p>欢迎您访问示例市人民政府门户网站！示例市位于示例省东南部，山清水秀，人杰地灵，历史悠久，文化灿烂。"
           "近年来，我们坚持以人民为中心的发展思想，大力推进经济社会高质量发展，城市面貌日新月异，人民生活不断改善。我们真诚欢迎各界朋友来"
           "示例市投资兴业、观光旅游，共享发展机遇，共创美好未来。让我们携手并进，为建设更加美好的示例市而努力奋斗！</p></div>")


def prose_box(case: Case, first: bool = False) -> Case:
    """The page with a box of prose (a 领导致辞 of 160 characters) in no named region, last in its
    <body> (or first): a page whose own text is short or only an attachment has nothing to
    outweigh it."""
    tree = parse_html(case.html)
    if tree is None or tree.body is None:
        return case
    tree.body.insert(0 if first else len(tree.body), lxml.html.fragment_fromstring(WELCOME))
    return _reprinted(case, tree)


def prose_box_first(case: Case) -> Case:
    return prose_box(case, first=True)


_BLOCK_LABELS = ("索引号", "发文机关", "发布机构", "文号", "发文字号", "成文日期")
MAX_BLOCK = 600  # characters: more is a region holding the metadata, not the block itself


def metadata_under(case: Case) -> Case:
    """The page with its metadata block (the last, innermost element naming three of its labels)
    moved right after the element holding the text's last characters (as labelled), as a CMS
    printing its catalogue under the text does."""
    tree = parse_html(case.html)
    if tree is None or not case.body_end:
        return case
    last = _holder(tree, squeeze(case.body_end)[-8:])
    blocks = [el for el in tree.iter() if isinstance(el.tag, str) and len(text := squeeze(el.text_content())) < MAX_BLOCK
              and sum(label in text for label in _BLOCK_LABELS) >= 3]
    block = blocks[-1] if blocks else None
    if last is None or block is None or block.getparent() is None or block is last or block in last.iterancestors():
        return case
    block.getparent().remove(block)
    last.addnext(block)
    return _reprinted(case, tree)


def two_sections(case: Case) -> Case:
    """The page with the children of the element holding its whole text (as labelled) split into
    two sections, as a Word export prints one (WordSection1, WordSection2): often the second
    holds only the text's closing lines."""
    if (edges := _edge_holders(case)) is None:
        return case
    tree, first, last = edges
    whole = next((el for el in (first, *first.iterancestors()) if el is last or last in el.iterdescendants()), None)
    children = [child for child in whole if isinstance(child.tag, str)] if whole is not None else []
    if whole is None or whole.tag in ("body", "html", "table", "tbody", "tr", "p") or len(children) < 4:
        return case
    for number, part in enumerate((children[:len(children) // 2], children[len(children) // 2:]), start=1):
        section = lxml.html.fragment_fromstring(f"<div class='WordSection{number}'></div>")
        part[0].addprevious(section)
        section.extend(part)
    return _reprinted(case, tree)


def all_at_once(case: Case) -> Case:
    """The page with the CMS unknown, its <title> naming the site, furniture around its text,
    its labels without colons and its cells as divs."""
    return cells_as_blocks(without_colons(furniture_around(site_titled(unknown_cms(case)))))


STRESSES = {"no label colons": without_colons, "cells as divs": cells_as_blocks, "title names site": site_titled,
            "headline a plain block": plain_headline,
            "furniture around text": furniture_around, "metadata under text": metadata_under, "prose box": prose_box,
            "prose box first": prose_box_first, "text in two sections": two_sections, "all but the box": all_at_once}


def held_out(case: Case, fold: int, tuned: set[str]) -> bool:
    return case.held_out or case.real and case.host not in tuned and fold_of(case.host) == fold


def report(columns: list[tuple[str, Score]]) -> None:
    width = max(22, *(len(title) + 2 for title, _ in columns))  # a column's title never runs into the next
    print(f"{'':16s}" + "".join(f"{title:>{width}s}" for title, _ in columns))
    print(f"{'pages / hosts':16s}" + "".join(f"{f'{s.pages} / {len(s.hosts)}':>{width}s}" for _, s in columns))
    for measure in MEASURES:
        print(f"{measure:16s}" + "".join(f"{s.rate(measure):{width}.3f}" for _, s in columns))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", action="store_true", help="list misses on pages not held out and on labelled held-out pages")
    parser.add_argument("--fold", type=int, default=0)
    parser.add_argument("--rotate", action="store_true", help="held-out figures of every fold")
    parser.add_argument("--stress", action="store_true",
                        help="every real page again with its labels' colons dropped, with its cells as divs, "
                             "with a <title> naming only the site (and its headings as plain divs), with a share bar before its text and links after it, "
                             "with its metadata block moved under its text, with a box of prose last in its <body>, "
                             "with that box first, with its text in two sections, and with all but the box at once")
    parser.add_argument("--write-known", action="store_true",
                        help="write today's misses of every real page to fixtures/eval/known_misses.json")
    args = parser.parse_args()
    cases = all_cases()
    real = [c for c in cases if c.real]
    if args.write_known:
        known = {c.name: sorted(m) for c in real if (m := misses(c, extract(c.html, c.url)))}
        (EVAL / "known_misses.json").write_text(json.dumps(known, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"{sum(map(len, known.values()))} misses on {len(known)} of {len(real)} pages written")
    # hosts rules were written from: the first labelled pages', and those of held-out batches studied since
    tuned = {c.host for c in real if not c.name.startswith("real/") or c.studied}
    platforms = sorted({c.platform.split(":")[0] for c in real})
    print(f"{len(real)} real pages from {len({c.host for c in real})} hosts, platforms: {', '.join(platforms)}; "
          f"{len(cases) - len(real)} built pages")
    folds = range(FOLDS) if args.rotate else [args.fold]
    columns = [("all real", evaluate(real))]
    for fold in folds:
        columns.append((f"held out (fold {fold})", evaluate(c for c in real if held_out(c, fold, tuned))))
    if any(c.held_out for c in real):
        columns.append(("labelled held out", evaluate(c for c in real if c.held_out)))
    columns.append(("real, CMS unknown", evaluate(map(unknown_cms, real))))
    if args.stress:
        columns += [(f"real, {name}", evaluate(map(stress, real))) for name, stress in STRESSES.items()]
    columns.append(("built", evaluate(c for c in cases if not c.real)))
    report(columns)
    if args.v:
        # a labelled held-out batch is measured once, then read: its misses are what it found
        print("\nmisses on pages not held out, and on labelled held-out pages:")
        for case, measure, got, want in columns[0][1].misses:
            if case.held_out or not held_out(case, args.fold, tuned):
                print(f"  {case.name} [{case.host}]: {measure}: got {got!r}, want {want!r}")


if __name__ == "__main__":
    main()
