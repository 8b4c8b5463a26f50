"""Pages whose declared charset is wrong are read in the one that decodes them."""
from __future__ import annotations

import pytest

from pipeline.encoding import decode_html, repaired_encoding

TEXT = "关于做好2024年防汛抗旱工作的通知：各单位要认真贯彻落实。"


@pytest.mark.parametrize("body,declared,repaired", [
    (TEXT.encode("gbk"), "utf-8", "gb18030"),      # a utf-8 template around GBK text
    (TEXT.encode("utf-8"), "gbk", "utf-8"),        # GBK declared, UTF-8 sent (it decodes as GBK, wrongly)
    (TEXT.encode("utf-8"), "gb18030", "utf-8"),
    (TEXT.encode("utf-8"), "cp1252", "utf-8"),
    (TEXT.encode("utf-8"), "utf-8", None),          # right as declared
    (TEXT.encode("gbk"), "gbk", None),
    (b"plain ascii", "gbk", None),
    (TEXT.encode("utf-8")[:-1], "utf-8", None),    # cut mid-character: still utf-8, nothing else decodes it
    (TEXT.encode("gbk"), "no-such-charset", "gb18030"),
])
def test_repaired_encoding(body, declared, repaired):
    assert repaired_encoding(body, declared) == repaired


def test_decode_html_repairs_a_wrong_declaration():
    page = f"<html><head><meta charset='utf-8'></head><body>{TEXT}</body></html>"
    assert TEXT in decode_html(page.encode("gbk"), "text/html; charset=utf-8")
    assert TEXT in decode_html(page.replace("utf-8", "gbk").encode("utf-8"))
