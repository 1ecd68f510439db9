from spiders.platforms.rss import WeWorkRemotelyFeedSpider


class WeworkremotelySpider(WeWorkRemotelyFeedSpider):
    """We Work Remotely's RSS feeds of remote jobs (``-a feeds=`` for categories)."""

    name = "weworkremotely"
