"""A site's template: what it prints around the text of every page, learned from its pages.

A generic rule knows 字号 大中小 and 打印; it cannot know that one site ends every text with its
WeChat slogan or starts it with a service hotline. Lines standing at the edges of the text
container (before any trimming) on most of a site's pages are its furniture; the edges of each
body are then trimmed of them (pipeline.edges), never its middle. Counting is the archive's
(storage.templates); this module says what to count and what the counts mean.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from pipeline.normalize import ends_as_office

EDGE_LINES = 6  # lines at each end of a text container that are counted
MIN_PAGES = 5  # pages of a site before it has a template
MIN_SHARE = 0.6  # a line on this share of a site's pages is its furniture
MAX_LINE = 200  # longer lines are text, never furniture


def edges_of(lines: list[str]) -> list[str]:
    """The distinct lines at the two ends of a container's text, as counted for the template."""
    seen: dict[str, None] = {}
    for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]:
        if len(line) <= MAX_LINE:
            seen.setdefault(line)
    return list(seen)


def learn(counts: Mapping[str, int], pages: int) -> frozenset[str]:
    """The template of a site whose `pages` pages had these edge lines this many times each.
    Lines that read as the documents' own (a salutation such as 各区人民政府：, a sentence, the
    issuing office of a site whose documents all come from it) are never furniture, however
    often they repeat."""
    if pages < MIN_PAGES:
        return frozenset()
    return frozenset(line for line, n in counts.items() if n >= MIN_SHARE * pages and not _documentish(line))


def _documentish(line: str) -> bool:
    text = line.replace(" ", "")
    return text.endswith((":", "：")) or bool(_SENTENCE.search(text)) or ends_as_office(text)


_SENTENCE = re.compile(r"[。；！？]")
