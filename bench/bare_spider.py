"""Bare Scrapy: fetch the listed URLs, keep nothing. The baseline of bench/crawl.py."""
import os

import scrapy


class BareSpider(scrapy.Spider):
    name = "bare"
    custom_settings = {"ITEM_PIPELINES": {}, "DOWNLOADER_MIDDLEWARES": {}, "EXTENSIONS": {}}

    async def start(self):
        with open(os.environ["BENCH_URLS"], encoding="utf-8") as fh:
            for url in fh.read().split():
                yield scrapy.Request(url, callback=self.parse)

    def parse(self, response):
        return None
