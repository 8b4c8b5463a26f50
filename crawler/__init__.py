"""The Scrapy project: spiders, middlewares, item pipelines and commands of govarchive."""
