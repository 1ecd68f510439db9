from spiders.platforms.remote_boards import RemoteJobsOrgFeedSpider


class RemotejobsorgSpider(RemoteJobsOrgFeedSpider):
    """remotejobs.org's public API of remote jobs, one feed per category (``-a categories=``)."""

    name = "remotejobsorg"
