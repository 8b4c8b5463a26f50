"""WARC capture files: rotated by size, every record readable by offset and by warcio."""
from __future__ import annotations

import gzip

from warcio.archiveiterator import ArchiveIterator

from storage.captures import WarcStore


def test_rotation_by_size_and_replay(tmp_path):
    store = WarcStore(tmp_path, max_size=4000)
    refs = []
    for n in range(12):
        body = gzip.compress(f"<html><body>第{n}页 {'政府信息公开' * 200}</body></html>".encode())
        refs.append(store.write(f"http://127.0.0.1/p{n}.html", status=200, reason="OK", body=body,
                                headers=[("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")]))
    store.close()
    files = sorted(p.name for p in tmp_path.glob("*.warc.gz"))
    assert len(files) > 1 and {r.warc_file for r in refs} == set(files)
    for n, ref in enumerate(refs):
        stored = store.read(ref.warc_file, ref.offset)
        assert stored.url == f"http://127.0.0.1/p{n}.html" and f"第{n}页".encode() in stored.body
    responses = []
    for name in files:  # a standard reader sees every record, request and response paired
        with open(tmp_path / name, "rb") as fh:
            for record in ArchiveIterator(fh):
                responses += [record.rec_headers.get_header("WARC-Target-URI")] if record.rec_type == "response" else []
    assert responses == [f"http://127.0.0.1/p{n}.html" for n in range(12)]
