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

# Where the archive lives (see storage.db): an SQLAlchemy URL and a data folder.
GOVARCHIVE_DB = os.environ.get("GOVARCHIVE_DB")
GOVARCHIVE_DATA = os.environ.get("GOVARCHIVE_DATA")
GOVARCHIVE_WARC_MAX_SIZE = 256 * 1024 * 1024
# Worker processes for extraction; "auto" = one per core when there is more than one, 0 = inline.
GOVARCHIVE_EXTRACT_WORKERS = os.environ.get("GOVARCHIVE_EXTRACT_WORKERS", "auto")

DOWNLOADER_MIDDLEWARES = {
    # closest to the network: keeps responses exactly as served (before decompression)
    "crawler.middlewares.WarcCaptureMiddleware": 950,
    # after HttpCompressionMiddleware (590): fixes the charset of undeclared GBK pages
    "crawler.middlewares.CharsetMiddleware": 580,
    # adds validators from the archive to requests marked conditional
    "crawler.middlewares.ConditionalRequestMiddleware": 560,
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

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
