from spiders.platforms.remote_boards import RemoteOkFeedSpider


class RemoteokSpider(RemoteOkFeedSpider):
    """RemoteOK's public feed of remote jobs."""

    name = "remoteok"
