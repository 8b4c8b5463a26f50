"""Discovery: from a site's 政府信息公开 root to the columns that hold its documents.

`scope` says which links a walk may follow (the site's hosts, under the root, outside page
chrome and outside interaction, service and search sections), `links` reads a page's candidate
links (menus, trees, directories, a `gklist` map of every department's channels), `walk` is the
bounded walk itself and its verdict on each page (a column of documents, read by the crawler's
own list families, or a page to walk through), `spider` runs it for `scrapy discover`, `watch`
re-reads the root during a crawl and reports columns that appeared or vanished, `sitesfile`
writes what was found into the sites file without touching anything else in it, and `check`
shows what a crawl would archive from one column. The spiders here write nothing and are not
crawl targets (`scrapy list` shows only `gov`): their commands run them.
"""
