from datetime import date

import pytest

from pipelines.salary import annualise, from_text, structured


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salary: $120k-$150k USD", (120000, 150000, "USD", "year")),
        ("The base salary range is $150,000 - $180,000 per year.", (150000, 180000, "USD", "year")),
        ("Gehalt: €50.000 - €70.000 brutto", (50000, 70000, "EUR", "year")),
        ("CTC: ₹12-18 LPA", (1200000, 1800000, "INR", "year")),
        ("Pay: £35 per hour", (35, 35, "GBP", "hour")),
        ("Salary: 8,000 EUR per month", (8000, 8000, "EUR", "month")),
        ("Salary range: CA$95,000 to CA$120,000", (95000, 120000, "CAD", "year")),
        ("Rate: $60-$80/hr", (60, 80, "USD", "hour")),
    ],
)
def test_text_salaries(text, expected):
    found = from_text(text)
    assert (found["min"], found["max"], found["currency"], found["period"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Compensation: DOE",
        "Competitive salary and great benefits.",
        "We match 401(k) contributions up to $10,000 per year.",
        "We raised $20 million from investors.",
        "A learning stipend of $1,500 per year.",
        "Work 3 days in office.",
    ],
)
def test_no_salary(text):
    assert from_text(text) is None


def test_annual_usd_uses_hours_rule_and_dated_rate():
    hourly = annualise({"min": 50.0, "max": 50.0, "currency": "USD", "period": "hour"}, date(2025, 6, 2))
    assert hourly["annual_usd_min"] == 104000.0 and hourly["fx_date"] == "2025-06-02"
    eur = annualise({"min": 60000.0, "max": 60000.0, "currency": "EUR", "period": "year"}, date(2025, 6, 2))
    # the ECB reference rate of 2 June 2025 was 1.1419 USD per EUR
    assert eur["annual_usd_min"] == pytest.approx(60000 * 1.1419, rel=1e-3)


def test_implausible_salary_is_flagged_not_published():
    odd = annualise({"min": 3.0, "max": 5.0, "currency": "USD", "period": "year"}, date(2025, 6, 2))
    assert odd["annual_usd_min"] is None and odd["flag"].startswith("implausible")
    assert odd["min"] == 3.0  # the posted figures are kept


def test_structured_salary_needs_currency_and_period():
    assert (
        structured({"salary_min": 1, "salary_max": 2, "salary_currency": None, "salary_period": "year"})
        is None
    )
    s = structured(
        {"salary_min": 90000, "salary_max": None, "salary_currency": "usd", "salary_period": "year"}
    )
    assert (s["min"], s["max"], s["currency"]) == (90000.0, 90000.0, "USD")
