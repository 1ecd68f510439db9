from spiders.platforms.remote_boards import JobicyFeedSpider


class JobicySpider(JobicyFeedSpider):
    """Jobicy's public feed of remote jobs (the latest 50)."""

    name = "jobicy"
