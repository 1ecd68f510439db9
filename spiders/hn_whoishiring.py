from spiders.platforms.hn_algolia import WhoIsHiringSpider


class HnwhoishiringSpider(WhoIsHiringSpider):
    """Hacker News "Who is hiring?" threads, one posting per top-level comment (``-a months=``)."""

    name = "hn_whoishiring"
