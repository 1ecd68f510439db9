from spiders.platforms.lever import LeverPostingsSpider


class LeverSpider(LeverPostingsSpider):
    """Companies' public Lever job sites (``boards`` = company slugs, e.g. ``matchgroup``)."""

    name = "lever"
