from spiders.platforms.remote_feeds_paged import HimalayasFeedSpider


class HimalayasSpider(HimalayasFeedSpider):
    """Himalayas' public feed of remote jobs, through its own paging."""

    name = "himalayas"
