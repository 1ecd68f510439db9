from spiders.platforms.remote_boards import ArbeitnowFeedSpider


class ArbeitnowSpider(ArbeitnowFeedSpider):
    """Arbeitnow's public job board feed (Germany and Europe, paged)."""

    name = "arbeitnow"
