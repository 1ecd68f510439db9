from spiders.platforms.smartrecruiters import SmartRecruitersPostingsSpider


class SmartrecruitersSpider(SmartRecruitersPostingsSpider):
    """Companies' public SmartRecruiters postings (``boards`` = company identifiers, e.g. ``Visa``)."""

    name = "smartrecruiters"
