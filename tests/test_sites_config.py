"""Every bad sites file gives one line naming the file, the site and the field — at load time
and through the CLI, with a non-zero exit and no traceback."""
from __future__ import annotations

import pytest

from crawler.sites import SiteConfigError, load_sites

GOOD = """\
sites:
  - name: pingtan
    start_urls:
      - https://www.pingtan.gov.cn/zwgk/ghxx/gzjzqk/
    schedule: "0 3 * * *"
"""

BAD = [
    # (sites file, the one line expected after the file name)
    ("sites:\n  - name: a\n    schedule: '0 3 * * *'\n",
     "site 'a': field 'start_urls': required field is missing"),
    ("sites:\n  - start_urls: [http://x.gov.cn/]\n    schedule: '0 3 * * *'\n",
     "site #1: field 'name': required field is missing"),
    ("sites:\n  - name: a\n    start_urls: [http://x.gov.cn/]\n    schedule:\n",
     "site 'a': field 'schedule': Input should be a valid string"),
    ("sites:\n  - name: a\n    start_urls: [http://x.gov.cn/]\n    schedule: '0 3 * *'\n",
     "site 'a': field 'schedule': '0 3 * *' is not a 5-field cron expression"),
    ("sites:\n  - name: a\n    start_urls: [http://x.gov.cn/]\n    schedule: '61 3 * * *'\n",
     "site 'a': field 'schedule': '61 3 * * *' is not a valid cron expression "
     "(Error validating expression '61': the last value (61) is higher than the maximum value (59))"),
    ("sites:\n  - name: a\n    start_urls: [ftp://x.gov.cn/]\n    schedule: '0 3 * * *'\n",
     "site 'a': field 'start_urls': not an http(s) URL: 'ftp://x.gov.cn/'"),
    ("sites:\n  - name: a\n    start_urls: []\n    schedule: '0 3 * * *'\n",
     "site 'a': field 'start_urls': List should have at least 1 item after validation, not 0"),
    ("sites:\n  - name: a\n    start_url: [http://x.gov.cn/]\n    start_urls: [http://x.gov.cn/]\n    schedule: '0 3 * * *'\n",
     "site 'a': field 'start_url': unknown field"),
    ("sites:\n  - name: a b\n    start_urls: [http://x.gov.cn/]\n    schedule: '0 3 * * *'\n",
     "site 'a b': field 'name': String should match pattern '^[A-Za-z0-9_.-]+$'"),
    ("sites:\n  - name: a\n    start_urls: [http://x.gov.cn/]\n    schedule: '0 3 * * *'\n    timezone: Mars/Olympus\n",
     "site 'a': field 'timezone': unknown time zone 'Mars/Olympus'"),
    ("sites:\n  - name: a\n    start_urls: [http://x.gov.cn/]\n    schedule: '0 3 * * *'\n    settings: 5\n",
     "site 'a': field 'settings': Input should be a valid dictionary"),
    (GOOD + "  - name: pingtan\n    start_urls: [http://x.gov.cn/]\n    schedule: '0 3 * * *'\n",
     "site 'pingtan': field 'name': duplicate site name"),
    ("sites:\n  - name: a\n    start_urls: [http://x.gov.cn/]\n    schedule: '0 3 * * *'\n    list: {json_url: 'http://x.gov.cn/api'}\n",
     "site 'a': field 'list.json_url': must contain {page}"),
    ("sites:\n  - name: a\n    start_urls: [http://x.gov.cn/]\n    schedule: '0 3 * * *'\n    list: {item: 'a'}\n",
     "site 'a': field 'list.item': unknown field"),
    ("sites:\n  - name: a\n    start_urls: [http://x.gov.cn/]\n    schedule: '0 0 31 2 *'\n",
     "site 'a': field 'schedule': '0 0 31 2 *' never fires (no such date)"),
    ("sites:\n  - name: a\n    start_urls: [http://x.gov.cn/]\n    settings: {DOWNLOAD_DELAY: fast}\n",
     "site 'a': field 'settings.DOWNLOAD_DELAY': 'fast' is not a number"),
    ("sites:\n  - name: a\n    start_urls: [http://x.gov.cn/]\n    settings: {DOWNLOAD_DELAI: 3}\n",
     "site 'a': field 'settings.DOWNLOAD_DELAI': unknown Scrapy setting (did you mean DOWNLOAD_DELAY?)"),
    ("sites:\n  - name: a\n    start_urls: [http://x.gov.cn/]\n    settings: {ROBOTSTXT_OBEY: sometimes}\n",
     "site 'a': field 'settings.ROBOTSTXT_OBEY': 'sometimes' is not true or false"),
    ("sites:\n  - name: a\n    start_urls: [http://x.gov.cn/]\n    list: {items: 'ul > > a'}\n",
     "site 'a': field 'list.items': not a CSS selector: 'ul > > a' (Expected selector, got <DELIM '>' at 5>)"),
    ("sites:\n  - just a string\n", "site #1: expected a mapping of fields"),
    ("sites: []\n", "expected a top-level 'sites:' list with at least one site"),
    ("- name: a\n", "expected a top-level 'sites:' list with at least one site"),
    ("sites:\n  - name: [unclosed\n", "line 3 not valid YAML: expected ',' or ']', but got '<stream end>'"),
]


def test_good_file_loads(tmp_path):
    path = tmp_path / "sites.yaml"
    path.write_text(GOOD)
    site = load_sites(path)["pingtan"]
    assert site.start_urls == ["https://www.pingtan.gov.cn/zwgk/ghxx/gzjzqk/"]
    assert site.domains == ["www.pingtan.gov.cn"]
    assert site.timezone == "Asia/Shanghai" and site.fetch_attachments is True


def test_single_start_url_string_is_a_list(tmp_path):
    path = tmp_path / "sites.yaml"
    path.write_text(GOOD.replace("\n      - https", " https"))
    assert load_sites(path)["pingtan"].start_urls == ["https://www.pingtan.gov.cn/zwgk/ghxx/gzjzqk/"]


@pytest.mark.parametrize("text,message", BAD, ids=[m for _, m in BAD])
def test_bad_file_is_one_line(tmp_path, text, message):
    path = tmp_path / "sites.yaml"
    path.write_text(text)
    with pytest.raises(SiteConfigError) as err:
        load_sites(path)
    assert str(err.value) == f"{path}: {message}"
    assert "\n" not in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(SiteConfigError, match=r"sites\.yaml: sites file not found \(set GOVARCHIVE_SITES"):
        load_sites(tmp_path / "sites.yaml")


def _one_line_error(proc) -> str:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_cli_unknown_site_lists_configured_names(workspace):
    workspace.configure(alpha=["http://127.0.0.1:9/"], beta=["http://127.0.0.1:9/"])
    line = _one_line_error(workspace.crawl("gamma", check=False))
    assert line == f"error: {workspace.sites_file}: unknown site 'gamma'; configured sites: alpha, beta"


def test_cli_no_site_argument(workspace):
    workspace.configure(alpha=["http://127.0.0.1:9/"])
    proc = workspace.scrapy("crawl", "gov", check=False)
    assert _one_line_error(proc) == (
        f"error: {workspace.sites_file}: no site given (use -a site=NAME); configured sites: alpha")


def test_cli_bad_sites_file(workspace):
    workspace.write_sites(BAD[3][0])
    line = _one_line_error(workspace.crawl("a", check=False))
    assert line == f"error: {workspace.sites_file}: {BAD[3][1]}"


def test_cli_bad_database_url(workspace):
    workspace.configure(alpha=["http://127.0.0.1:9/"])
    workspace.db_url = "nosuchdb://x"
    line = _one_line_error(workspace.crawl("alpha", check=False))
    assert line.startswith("error: GOVARCHIVE_DB: cannot use 'nosuchdb://x'")
    proc = workspace.scrapy("export", "-o", str(workspace.tmp / "x.jsonl"), check=False)
    assert _one_line_error(proc).startswith("error: GOVARCHIVE_DB: cannot use 'nosuchdb://x'")
    assert not (workspace.tmp / "x.jsonl").exists()
