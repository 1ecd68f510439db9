from spiders.platforms.remote_feeds_paged import MusePublicJobsSpider


class ThemuseSpider(MusePublicJobsSpider):
    """The Muse's public jobs feed, page by page."""

    name = "themuse"
