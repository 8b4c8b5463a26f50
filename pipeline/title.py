"""The document's title, from the sources a page gives it in.

In order: a labelled 标题/名称 of the metadata block, `<meta name="ArticleTitle">` (unless the
page prints it as the 副题 under its headline), the page's headlines (h1 …), its `<title>`
without the site and column names, an h2/h3 whose class or id says title. A source that names
the site or an office instead of a document (a banner h1 `国家统计局信息公开`) is passed over; of two
sources that say the same title, the one without a column suffix (`…的决议__2007年第23号`) and
the one not cut short (`…细则（2020`) wins; a title cut short wherever it is shown is completed
from a link's title attribute (its attachment's) that says it whole.
"""
from __future__ import annotations

import re

from pipeline.normalize import clean_text, clean_title
from pipeline.vocab import ISSUER_ENDINGS, SITE_NAME_ENDINGS

_NAME = re.compile(rf"(?:{'|'.join(ISSUER_ENDINGS + SITE_NAME_ENDINGS)})$")
_DOCUMENTISH = re.compile(r"关于|的|《")
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[）)]$")
_SUFFIX_SEPARATOR = re.compile(r"^[_|｜\-—－\s]+")
_CUT = re.compile(r"(?:\.\.\.|…+)$")
# lesser headings that say they are the title (h2.xxgkNbXqTitle): the last resort, after a
# <title> that only names the site
_TITLED_HEADINGS = ("//*[self::h2 or self::h3][contains(translate(concat(@class, ' ', @id), 'TITLE', 'title'), 'title')]")


def is_name(text: str, site_name: str | None = None) -> bool:
    """A site's or an office's name rather than a document's title."""
    bare = _TRAILING_NOTE.sub("", text).strip()
    return text == site_name or bool(_NAME.search(bare)) and not _DOCUMENTISH.search(bare)


def _unbalanced(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")") or bool(_CUT.search(text))


def _names_in(suffix: str, meta: dict) -> bool:
    """Whether a title's suffix is made of the site's or column's name (as its <meta> say)."""
    return any(name and name in suffix for name in (meta.get(k) for k in ("SiteName", "ColumnName", "lanmu")))


_SUBTITLE_DASH = re.compile(r"^\s*[—–－-]{1,2}\s*")


def _printed_as_subtitle(tree, title: str) -> bool:
    """Whether the page prints `title` as a 副题: a heading led by a dash (——我国…综述)."""
    return any(_SUBTITLE_DASH.match(text) and _SUBTITLE_DASH.sub("", text) == title
               for text in map(clean_text, (h.text_content() for h in tree.xpath("//h2|//h3|//h4"))) if text)


def read_title(tree, meta: dict, labelled: dict) -> str | None:
    names = (meta.get("SiteName"), meta.get("ColumnName"), meta.get("lanmu"))
    headlines = [clean_text(h.text_content()) for h in tree.xpath("//h1")[:3]]
    candidates = [clean_text(labelled.get("title")), clean_title(meta.get("ArticleTitle"), names), *headlines]
    candidates.append(clean_title(tree.findtext(".//title"), names))
    candidates += [clean_text(h.text_content()) for h in tree.xpath(_TITLED_HEADINGS)[:2]]
    candidates = [c for c in candidates if c]
    chosen = next((c for c in candidates if not is_name(c, meta.get("SiteName"))), None)
    if chosen is None:
        return candidates[0] if candidates else None
    headline = next((h for h in headlines if h and not is_name(h)), None)
    if headline and chosen not in headlines and _printed_as_subtitle(tree, chosen):
        chosen = headline  # ArticleTitle holds the 副题 (——…综述) printed under the headline
    for other in candidates:
        if other == chosen:
            continue
        rest = chosen[len(other):] if chosen.startswith(other) else ""
        if rest and _SUFFIX_SEPARATOR.match(rest) and not _unbalanced(other) and _names_in(rest, meta):
            chosen = other  # the same title with the column's name run into it
        elif _unbalanced(chosen) and other.startswith(_CUT.sub("", chosen)) and len(other) > len(chosen):
            chosen = other  # the same title, cut short
    if _unbalanced(chosen):  # cut short everywhere it is shown: a link's title (its attachment's) may say it whole
        stem = _CUT.sub("", chosen)
        chosen = next((whole for whole in map(clean_text, tree.xpath("//a/@title"))
                       if whole and whole.startswith(stem) and len(whole) > len(stem) and not _unbalanced(whole)),
                      chosen)
    return chosen
