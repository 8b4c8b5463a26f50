"""`discover --write`: the columns found become a site's start_urls in the sites file, the rest of
the file as the user wrote it.

The file is edited round trip (ruamel.yaml, with the file's own indentation): comments, other
sites, the site's other fields, and the comments on start URLs that stay are kept; a start URL no
longer found is removed, a new one appended. What would be written is validated as the crawler
reads it before it replaces the file (atomically), so a mistake leaves the file as it was.
"""
from __future__ import annotations

import io
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ruamel.yaml import YAML, YAMLError
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.util import load_yaml_guess_indent

from crawler.sites import SiteConfigError, load_sites
from pipeline.urls import canonical_url


@dataclass(frozen=True)
class Written:
    site: str
    added_site: bool
    new: list[str]      # start URLs added
    removed: list[str]  # start URLs no longer found


def site_name_for(url: str) -> str:
    """A site name from a root URL's host (and port): www.pingtan.gov.cn, 127.0.0.1-8800."""
    parts = urlsplit(url)
    return re.sub(r"[^A-Za-z0-9_.-]", "-", parts.netloc.lower())


def write_site(path: Path, name: str, root: str, columns: list[str]) -> Written:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    yaml = YAML()
    yaml.width = 4096  # URLs are never folded
    yaml.preserve_quotes = True
    try:
        if text.strip():
            _, indent, offset = load_yaml_guess_indent(text)
            yaml.indent(mapping=indent or 2, sequence=indent or 4, offset=offset or 2)
            data = yaml.load(text)
        else:
            yaml.indent(mapping=2, sequence=4, offset=2)
            data = CommentedMap(sites=CommentedSeq())
    except YAMLError as exc:
        raise SiteConfigError(f"{path}: not valid YAML ({str(exc).splitlines()[0]}); nothing written") from None
    sites = data.get("sites") if isinstance(data, dict) else None
    if not isinstance(sites, list):
        raise SiteConfigError(f"{path}: expected a top-level 'sites:' list; nothing written")
    entry = next((e for e in sites if isinstance(e, dict) and e.get("name") == name), None)
    if entry is None:
        sites.append(CommentedMap(name=name, root=root, start_urls=CommentedSeq(columns)))
        written = Written(name, True, list(columns), [])
    else:
        written = _update(entry, name, root, columns)
    out = io.StringIO()
    yaml.dump(data, out)
    _replace(path, out.getvalue())
    return written


def _update(entry, name: str, root: str, columns: list[str]) -> Written:
    if "root" in entry:
        entry["root"] = root
    else:
        entry.insert(list(entry).index("name") + 1 if "name" in entry else 0, "root", root)
    found = {canonical_url(u): u for u in columns}
    urls = entry.get("start_urls")
    if not isinstance(urls, list):  # one URL as a string, or missing: a list of the columns
        urls = [urls] if isinstance(urls, str) else []
        entry["start_urls"] = CommentedSeq()
    else:
        urls = list(urls)
    kept = {canonical_url(u) for u in urls if isinstance(u, str) and canonical_url(u) in found}
    seq = entry["start_urls"]
    removed = [u for u in urls if not (isinstance(u, str) and canonical_url(u) in kept)]
    for index in reversed(range(len(seq))):  # in place: comments on the URLs that stay stay
        if not (isinstance(seq[index], str) and canonical_url(seq[index]) in kept):
            del seq[index]
    new = [url for key, url in found.items() if key not in kept]
    seq.extend(new)
    return Written(name, False, new, removed)


def _replace(path: Path, text: str) -> None:
    """Validate `text` as the crawler reads a sites file, then put it in place atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".sites-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        try:
            load_sites(tmp)
        except SiteConfigError as exc:
            raise SiteConfigError(f"{str(exc).replace(tmp, str(path))}; nothing written") from None
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
