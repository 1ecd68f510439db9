import pytest

from pipelines.geo import parse_locations


@pytest.mark.parametrize(
    ("location", "countries", "cities"),
    [
        ("Bengaluru", ["IN"], ["Bengaluru, IN"]),
        ("Remote - US", ["US"], []),
        ("London, UK", ["GB"], ["London, GB"]),
        ("NYC", ["US"], ["New York, US"]),
        ("Berlin or Remote (EU)", ["DE"], ["Berlin, DE"]),
        ("San Francisco, CA", ["US"], ["San Francisco, US"]),
        ("Cambridge, MA", ["US"], ["Cambridge, US"]),
        ("Cambridge, United Kingdom", ["GB"], ["Cambridge, GB"]),
        ("Toronto, Ontario, Canada", ["CA"], ["Toronto, CA"]),
        ("EMEA", [], []),
        ("Austin, TX / Berlin, DE", ["US", "DE"], ["Austin, US", "Berlin, DE"]),
        ("Denver, Colorado", ["US"], ["Denver, US"]),
        ("United States of America", ["US"], []),
        ("Nairobi, Kenya", ["KE"], ["Nairobi, KE"]),
    ],
)
def test_places(location, countries, cities):
    places = parse_locations(location)
    assert places.countries == countries
    assert places.cities == cities


def test_several_locations_give_several_codes():
    assert parse_locations(["Paris, France", "Lisbon", "Remote"]).countries == ["FR", "PT"]


@pytest.mark.parametrize(
    ("location", "countries", "cities"),
    [
        ("Cork, Ireland", ["IE"], ["Cork, IE"]),
        ("Birmingham", ["GB"], ["Birmingham, GB"]),
        ("Birmingham, AL", ["US"], ["Birmingham, US"]),
        ("Paris, Texas", ["US"], ["Paris, US"]),
        ("London, Ontario", ["CA"], ["London, CA"]),
        ("Perth, Western Australia", ["AU"], ["Perth, AU"]),
        ("Remote (US, Canada)", ["US", "CA"], []),
        ("Mobile, AL", ["US"], []),
    ],
)
def test_geonames_fallback(location, countries, cities):
    places = parse_locations(location)
    assert places.countries == countries
    assert places.cities == cities
