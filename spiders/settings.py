"""Scrapy settings: polite by default.

Every value here can be overridden per run with ``-s NAME=value`` (the flows do so for the
landing directory and run id)."""

BOT_NAME = "jobmarket"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# Identify ourselves, with a way to reach us; sources.toml's [crawl] contact overrides the URL.
JOBMARKET_CONTACT_URL = "https://github.com/jobmarket/jobmarket"
USER_AGENT = f"jobmarket/0.1 (+{JOBMARKET_CONTACT_URL}; labour-market statistics)"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 8
# Scrapy starts this many worker tasks for every callback's output, even a single item: at the
# default 100 that was a fifth of the crawl's CPU (benchmarks/crawl_throughput.py, 10k details).
CONCURRENT_ITEMS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Scrapy's retry re-sends at once; ours waits: Retry-After when sent, else 1 s, 2 s, 4 s ...
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.BackoffRetryMiddleware": 550,
}
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 60.0
RETRY_AFTER_MAX = 300.0  # a server asking for longer is not waited for: quarantined, tried next run

# A job board's page is kilobytes to a few MiB; anything near this is an error page or abuse.
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024

TELNETCONSOLE_ENABLED = False
COOKIES_ENABLED = False
HTTPCACHE_ENABLED = False

# Non-2xx answers reach the spider so that they are counted and quarantined, not just logged.
HTTPERROR_ALLOW_ALL = False

ITEM_PIPELINES = {
    "spiders.item_pipelines.validate.ValidatePostingPipeline": 100,
    "spiders.item_pipelines.raw_landing.RawLandingPipeline": 900,
}
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    "spiders.extensions.CrawlSummary": 500,
}

# Where the landing files go and which run they belong to; the flow sets both.
JOBMARKET_RAW_DIR = "data/raw"
JOBMARKET_RUN_ID = None

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
