from spiders.platforms.greenhouse import GreenhouseBoardSpider


class GreenhouseSpider(GreenhouseBoardSpider):
    """Companies' public Greenhouse boards (``boards`` = board tokens, e.g. ``gitlab``)."""

    name = "greenhouse"
