import importlib
import inspect

import pytest
import scrapy

from spiders.run import spider_names

SPIDER_FILES = spider_names()


def test_there_are_spiders():
    assert {"greenhouse", "lever"} <= set(SPIDER_FILES)


@pytest.mark.parametrize("stem", SPIDER_FILES)
def test_file_name_and_class_agree(stem):
    module = importlib.import_module(f"spiders.{stem}")
    spiders = [
        obj
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, scrapy.Spider) and obj.__module__ == module.__name__
    ]
    assert len(spiders) == 1, f"spiders/{stem}.py must hold exactly one spider"
    spider = spiders[0]
    assert spider.name == stem
    assert spider.__name__.lower() == stem.replace("_", "") + "spider"
    # Scrapy 2.19 crawls nothing from a spider that only has start_requests().
    assert inspect.isasyncgenfunction(spider.start)


def test_scrapy_lists_every_spider():
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    loader = SpiderLoader.from_settings(get_project_settings())
    assert set(loader.list()) == set(SPIDER_FILES)
