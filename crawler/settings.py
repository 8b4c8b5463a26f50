"""Scrapy settings of govarchive: polite by default, every component wired here."""
import os

BOT_NAME = "govarchive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"

# Who we are and how to reach the operator; set GOVARCHIVE_CONTACT to your own URL or mail.
CONTACT = os.environ.get("GOVARCHIVE_CONTACT", "https://github.com/govarchive/govarchive")
USER_AGENT = f"govarchive/0.1 (+{CONTACT}; archive of government information disclosure)"

# Politeness: robots.txt, one or two requests at a time per site, adaptive delays.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 60
RETRY_TIMES = 2
# A document callback yields a handful of items; Scrapy starts this many tasks per callback
# output, and the default 100 made task bookkeeping a large share of the crawl's CPU.
CONCURRENT_ITEMS = 8
DOWNLOAD_MAXSIZE = 200 * 1024 * 1024  # attachments can be large scans; no more than this
URLLENGTH_LIMIT = 2083  # longer URLs are skipped by rule (counted, logged with the URL)
REDIRECT_MAX_TIMES = 20
# Only http(s) is ever requested: no handler for file://, ftp://, s3:// or data: URLs at all.
DOWNLOAD_HANDLERS = {"file": None, "ftp": None, "s3": None, "data": None}

# Where the archive lives (see storage.db): an SQLAlchemy URL and a data folder.
GOVARCHIVE_DB = os.environ.get("GOVARCHIVE_DB")
GOVARCHIVE_DATA = os.environ.get("GOVARCHIVE_DATA")
GOVARCHIVE_WARC_MAX_SIZE = 256 * 1024 * 1024
# Worker processes for extraction; "auto" = one per core when there is more than one, 0 = inline.
GOVARCHIVE_EXTRACT_WORKERS = os.environ.get("GOVARCHIVE_EXTRACT_WORKERS", "auto")
# Bounds. A column's walk ends after this many list pages (a pager that never ends, a
# totalRecord of 99999999), with a warning naming the column.
GOVARCHIVE_MAX_LIST_PAGES = 1000
# Documents are extracted from their first this many characters (a 10 MB page must not take the
# crawl to gigabytes); the WARC keeps every byte, so a reparse with a larger bound reads the rest.
GOVARCHIVE_MAX_DOCUMENT_CHARS = 2_000_000
# 附件 files larger than this are not downloaded (skipped by rule "too-large", their links marked
# too_large): reading one costs memory in proportion to its size. Per site under settings:.
GOVARCHIVE_ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024
# Seconds one attachment's reading may take (a file built to make a parser spin is stopped and
# marked timed_out; the crawl goes on).
GOVARCHIVE_ATTACHMENT_READ_SECONDS = 120
# Errors kept (URL and reason) in each run's record; all are counted and logged.
GOVARCHIVE_RUN_ERROR_SAMPLE = 20
# Discovery (`scrapy discover`, and each crawl's look at its site's root): how far a walk goes
# from the root (links), how many pages it requests, and for how many seconds.
GOVARCHIVE_DISCOVER_MAX_DEPTH = 4
GOVARCHIVE_DISCOVER_MAX_PAGES = 1000
GOVARCHIVE_DISCOVER_TIME_LIMIT = 1800

DOWNLOADER_MIDDLEWARES = {
    # the crawl's rules, first: http(s) only, on-site only, URLLENGTH_LIMIT; each a counted skip
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.middlewares.SiteRulesMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsRulesMiddleware": 100,
    # a malformed <base href> must not fail the page it is on
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.middlewares.MetaRefreshRulesMiddleware": 580,
    # closest to the network: keeps responses exactly as served (before decompression)
    "crawler.middlewares.WarcCaptureMiddleware": 950,
    # after HttpCompressionMiddleware (590): fixes the charset of undeclared GBK pages
    "crawler.middlewares.CharsetMiddleware": 580,
    # adds validators from the archive to requests marked conditional
    "crawler.middlewares.ConditionalRequestMiddleware": 560,
}
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,  # SiteRulesMiddleware counts them
}
ITEM_PIPELINES = {
    "crawler.pipelines.ArchivePipeline": 300,
}
EXTENSIONS = {
    # connected first, so the run record sees what it linked
    "crawler.extensions.TemplateTrimmer": 480,  # before the repost pass: it reads the trimmed text
    "crawler.extensions.RepostLinker": 490,
    "crawler.extensions.CrawlRunRecorder": 500,
}
GOVARCHIVE_DEDUP_AFTER_CRAWL = True  # link reposts of what each crawl archived
GOVARCHIVE_TEMPLATE_AFTER_CRAWL = True  # trim documents read before their site's template was learned

# The long-lived crawl worker (crawler.worker) is replaced after this many crawls, or once it
# holds this much memory (MB), finishing its crawls first (as Scrapyd and Celery workers are).
GOVARCHIVE_WORKER_MAX_CRAWLS = int(os.environ.get("GOVARCHIVE_WORKER_MAX_CRAWLS", "500"))
GOVARCHIVE_WORKER_MAX_RSS_MB = int(os.environ.get("GOVARCHIVE_WORKER_MAX_RSS_MB", "1024"))

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
