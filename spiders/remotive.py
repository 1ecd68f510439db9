from spiders.platforms.remote_boards import RemotiveFeedSpider


class RemotiveSpider(RemotiveFeedSpider):
    """Remotive's public feed of remote jobs."""

    name = "remotive"
