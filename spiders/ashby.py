from spiders.platforms.ashby import AshbyJobBoardSpider


class AshbySpider(AshbyJobBoardSpider):
    """Companies' public Ashby job boards (``boards`` = board names, e.g. ``openai``)."""

    name = "ashby"
