"""Label/value pairs of 信息公开 metadata blocks and inline header lines, in every layout.

The page is read as a sequence of text segments, one per block-level element (td, th, dt,
dd, li, p, div …; inline tags such as span, font, b do not split). A label starts a segment
(colon optional) or appears anywhere followed by a colon; its value is the rest of the text up
to the next label, or, if that is empty, the next segment inside the same row (td → td,
dt → dd, th → td, div → div). That one rule covers tables of two or four columns, ul/li with
label spans, dl/dt/dd, div rows and `发布日期：… 信息来源：… 浏览次数：` lines.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml import etree

from pipeline.vocab import FIELD_LABELS, IGNORED_LABELS

INLINE_TAGS = frozenset(
    "a span font b strong em i u label sup sub small big text abbr cite code var s strike ins "
    "del mark q time nobr".split()
)
SKIP_TAGS = frozenset("script style noscript template select option textarea button head title".split())

_LABEL_FIELD: dict[str, str | None] = {label: f for f, labels in FIELD_LABELS.items() for label in labels}
_LABEL_FIELD.update({label: None for label in IGNORED_LABELS})
_SPACED = "|".join(
    r"\s*".join(map(re.escape, label)) for label in sorted(_LABEL_FIELD, key=len, reverse=True)
)
# group 1 = label (possibly with spaces inside); group 2 = colon if any
LABEL_RE = re.compile(rf"({_SPACED})\s*([:：])?")
_WS = re.compile(r"\s+")
MAX_VALUE = 300


def segments(root, skip: Iterable = ()) -> list[tuple[str, etree._Element]]:
    """(text, block element) for each run of text, in document order, outside `skip`."""
    skip = set(skip)
    out: list[tuple[str, etree._Element]] = []
    buf: list[str] = []

    def flush(owner) -> None:
        text = "".join(buf).strip()
        buf.clear()
        if text:
            out.append((text, owner))

    # An explicit stack rather than recursion: hostile pages nest thousands deep.
    # Steps: ("enter", element, owner of the surrounding text) | ("leave", block element,
    # owner to resume) | ("text", string, None).
    stack: list[tuple[str, object, object]] = [("enter", root, root)]
    while stack:
        step, item, owner = stack.pop()
        if step == "text":
            buf.append(item)
            continue
        if step == "leave":
            flush(item)
            continue
        el = item
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if el.tail and el is not root:
            stack.append(("text", el.tail, None))
        if tag is None or tag in SKIP_TAGS or el in skip:
            continue
        block = tag not in INLINE_TAGS
        if block:
            flush(owner)
            stack.append(("leave", el, owner))
        for child in reversed(el):
            stack.append(("enter", child, el if block else owner))
        if el.text:
            stack.append(("text", el.text, None))
    flush(root)
    return out


def _starts_row(match: re.Match, text: str) -> bool:
    return not text[: match.start()].strip(" 【[|｜")


_SEPARATORS = set(" \t\n\u3000\xa0|｜/,，;；】]）)")


def _label_matches(text: str) -> list[re.Match]:
    found = []
    for match in LABEL_RE.finditer(text):
        label = _WS.sub("", match.group(1))
        # Inside running text a short label must stand apart: "… 来源：市交通局" is a label,
        # "管制时间：5月25日" is a sentence.
        if len(label) <= 2 and match.start() and text[match.start() - 1] not in _SEPARATORS:
            continue
        # Short labels (文号, 来源, 时间) are common words: without a colon they count only
        # as a whole cell of their own, the value in the next cell.
        whole_cell = match.end() == len(text.rstrip())
        if match.group(2) or (_starts_row(match, text) and (len(label) > 2 or whole_cell)):
            found.append(match)
    return found


def _same_row(label_el, value_el) -> bool:
    parent = label_el.getparent()
    if parent is None:
        return False
    return value_el is not label_el and any(a is parent for a in value_el.iterancestors())


def labelled_pairs(segs: list[tuple[str, etree._Element]]) -> Iterator[tuple[str, str, tuple]]:
    """(field, raw value, elements holding label and value) for every recognised label, in
    document order."""
    for i, (text, el) in enumerate(segs):
        matches = _label_matches(text)
        for j, match in enumerate(matches):
            field = _LABEL_FIELD.get(_WS.sub("", match.group(1)))
            end = matches[j + 1].start() if j + 1 < len(matches) else len(text)
            value = text[match.end(): end].strip(" \t\n\u3000\xa0|｜")  # "时间：… | 来源：…"
            holders: tuple = (el,)
            if not value and j + 1 == len(matches) and i + 1 < len(segs):
                nxt_text, nxt_el = segs[i + 1]
                if _same_row(el, nxt_el) and not any(_starts_row(m, nxt_text) for m in _label_matches(nxt_text)):
                    value, holders = nxt_text, (el, nxt_el)
            if field and value and len(value) <= MAX_VALUE:
                yield field, value, holders
