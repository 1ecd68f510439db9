from spiders.platforms.workable import WorkableWidgetSpider


class WorkableSpider(WorkableWidgetSpider):
    """Companies' public Workable job widgets (``boards`` = account names)."""

    name = "workable"
