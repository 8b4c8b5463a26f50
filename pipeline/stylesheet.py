"""What a page's own stylesheet hides: `<style>.zfdw,.ztfl{display:none}.z_show{display:inline}</style>`.

A CMS often prints a value twice, a placeholder (`----`) and the value, and lets a class in the
page's <style> decide which one shows. Those rules are read the way a browser cascades them (the
most specific selector wins, then the later rule; `!important` is not weighed), for the elements
they select. Rules inside @media (a phone's layout) are left out; inline `style` attributes are
pipeline.blocks' to read. Elements the sheet hides get the `hidden` attribute, which
pipeline.blocks treats as display:none.
"""
from __future__ import annotations

import re
from functools import lru_cache

import tinycss2
from cssselect import GenericTranslator, SelectorError, parse
from lxml import etree

# (asked of the sheet in lower case: a pattern ignoring case finds no literal to skip ahead to, and
# took three times as long on a CMS's inline frameworks)
_MAY_HIDE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
MAX_SHEET = 200_000  # characters of <style> read per page: a page is not a stylesheet library


def hide_styled(tree) -> None:
    """Mark the elements the page's <style> hides (display:none, visibility:hidden)."""
    sheets = [el.text for el in tree.iter("style") if el.text and _MAY_HIDE.search(el.text.lower())]
    if not sheets:
        return
    parsed = []  # (order, prelude, hidden)
    for selector, declarations in _rules_for(tree, "".join(sheets)[:MAX_SHEET]):
        if (hidden := _hides(declarations)) is not None:
            parsed.append((len(parsed), selector, hidden))
    # what a hiding rule selects, then whether a rule that shows it outranks that rule
    decided: dict = {}  # element → (specificity, order, hidden)
    for order, prelude, _ in (r for r in parsed if r[2]):
        _decide(tree, prelude, order, True, decided)
    if not decided:
        return
    names = {name for el in decided for value in (el.get("class"), el.get("id")) if value for name in value.split()}
    for order, prelude, _ in (r for r in parsed if not r[2]):
        if names.intersection(_NAME.findall(prelude)):
            _decide(tree, prelude, order, False, decided, only=decided)
    for el, (_, _, hidden) in decided.items():
        if hidden:
            el.set("hidden", "")


def _decide(tree, prelude: str, order: int, hidden: bool, decided: dict, only: dict | None = None) -> None:
    for xpath, specificity in _selectors(prelude):
        try:
            selected = xpath(tree)
        except etree.XPathError:  # a namespace prefix the page never declared (svg|a)
            continue
        for el in selected:
            if (only is None or el in only) and decided.get(el, ((-1,), -1, False))[:2] < (specificity, order):
                decided[el] = (specificity, order, hidden)


_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_BRACE = re.compile(r"[{}]")
_NAME = re.compile(r"[.#]([\w-]+)")
_NAMES_USED = etree.XPath("//@class|//@id", smart_strings=False)


def _rules_for(tree, sheet: str) -> list[tuple[str, str]]:
    """The top-level rules of a sheet that set display or visibility for a class or id the
    page uses, as (selector, declarations): a CMS's pages carry whole CSS frameworks inline
    (380 kB), and parsing them all would cost more than the rest of reading the page."""
    sheet = _COMMENT.sub("", sheet)
    candidates, depth, start = [], 0, 0
    for brace in _BRACE.finditer(sheet):
        if brace.group() == "{":
            if depth == 0:
                opened, selector_start = brace.start(), start
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                start = brace.end()
                selector = sheet[selector_start:opened].rsplit(";", 1)[-1]  # after an @charset/@import statement
                if not selector.lstrip().startswith("@") and _MAY_DECIDE.search(sheet, opened, start):
                    candidates.append((selector.strip(), sheet[opened + 1:start - 1]))
    if not candidates:
        return []
    used = {name for value in _NAMES_USED(tree) for name in value.split()}
    return [(selector, body) for selector, body in candidates if any(name in used for name in _NAME.findall(selector))]


_MAY_DECIDE = re.compile(r"display|visibility", re.I)


def _hides(content: str) -> bool | None:
    """Whether a rule's declarations hide (True), show (False), or say nothing of it (None)."""
    said = None
    # (only the declarations naming display or visibility are parsed: a framework's rule sets a
    # score of others, and tokenizing them all cost a twentieth of reading the page)
    content = ";".join(part for part in content.split(";") if _MAY_DECIDE.search(part))
    for declaration in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True):
        if declaration.type != "declaration" or declaration.lower_name not in ("display", "visibility"):
            continue
        value = tinycss2.serialize(declaration.value).strip().lower()
        if declaration.lower_name == "display":
            said = value == "none"
        elif value == "hidden":
            said = True
    return said


@lru_cache(maxsize=4096)
def _selectors(prelude: str) -> tuple[tuple[etree.XPath, tuple], ...]:
    """XPath (compiled once: a site's pages repeat its sheet) and specificity of each selector of
    a rule; none for what cssselect or lxml cannot read (pseudo-elements, :hover … never hide
    text that a reader sees; an escape naming a control character)."""
    try:
        parsed = parse(prelude)
    except SelectorError:
        return ()
    out = []
    for selector in parsed:
        if selector.pseudo_element is not None:
            continue
        try:
            out.append((etree.XPath(GenericTranslator().selector_to_xpath(selector)), selector.specificity()))
        except (SelectorError, etree.XPathSyntaxError, ValueError):
            continue
    return tuple(out)
