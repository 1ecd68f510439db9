from spiders.platforms.jsonld import JsonLdJobPostingSpider


class JsonldSpider(JsonLdJobPostingSpider):
    """Career pages with schema.org JobPosting JSON-LD (``-a sitemaps=`` or ``-a pages=``)."""

    name = "jsonld"
