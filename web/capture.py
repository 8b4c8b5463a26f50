"""A capture as archived, made safe to show: the archived page is served under a
Content-Security-Policy that allows nothing to load or run (no scripts, no requests to the
network: only data: images and stylesheets) and sandboxes it, and the page showing it frames it
in an <iframe sandbox> without allow-scripts. Its links are made inert (a click would leave for
the live site). Otherwise the markup is served as archived, only decoded: an HTML page is
re-encoded as UTF-8 from the charset the crawler reads it in (pipeline.encoding), so an
undeclared GBK page reads right; anything that is not text is offered as a download."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from starlette.responses import Response

from pipeline.encoding import decode_html
from storage.captures import StoredResponse

# `sandbox` with no allow-* token: no scripts, no forms, no popups, no top navigation, a unique
# origin; default-src 'none': nothing is fetched, whatever the markup asks.
CAPTURE_POLICY = "sandbox; default-src 'none'; img-src data:; style-src data:; font-src data:; " \
                 "base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
# the attribute of the <iframe> framing it: the same, from the other side
FRAME_SANDBOX = ""
_SAFE_HEADERS = {
    "Content-Security-Policy": CAPTURE_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, max-age=3600",
}
_TEXT = re.compile(r"^(text/|application/(xhtml\+xml|xml|json|javascript)|[^;]*\+xml)", re.I)


def is_html(content_type: str | None, body: bytes) -> bool:
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        return True
    return not kind and body.lstrip()[:100].lower().startswith((b"<!doctype html", b"<html"))


_PROLOGUE = re.compile(r"^(\ufeff?\s*(<\?xml[^>]*>\s*)?(<!doctype[^>]*>)?)", re.I)
# A link in the archived page, clicked, would take the viewer to the live site: links open in a
# new window, which the sandbox (no allow-popups) refuses. The first <base> giving a target wins.
_LINKS_INERT = '<base target="_blank">'


def inert_links(text: str) -> str:
    """The page with its links made inert, after its doctype so its rendering mode stays."""
    end = _PROLOGUE.match(text).end()
    return text[:end] + _LINKS_INERT + text[end:]


def raw_response(stored: StoredResponse) -> Response:
    """The archived body, as the browser may show it without risk."""
    content_type = stored.header("Content-Type")
    if is_html(content_type, stored.body):
        text = inert_links(decode_html(stored.body, content_type))
        return Response(text.encode("utf-8"), media_type="text/html; charset=utf-8", headers=_SAFE_HEADERS)
    if _TEXT.match(content_type or ""):  # XML, JSON, scripts: shown as text, never run
        text = decode_html(stored.body, content_type)
        return Response(text.encode("utf-8"), media_type="text/plain; charset=utf-8", headers=_SAFE_HEADERS)
    name = urlsplit(stored.url).path.rsplit("/", 1)[-1] or "capture"
    name = re.sub(r"[^A-Za-z0-9._-]", "_", name)
    return Response(stored.body, media_type="application/octet-stream",
                    headers={**_SAFE_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'})
