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


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("$22/hr, overtime available.", "CA", (22.0, 22.0, "CAD", "hour")),
        ("$45 - $52 per hour plus overtime.", "AU", (45.0, 52.0, "AUD", "hour")),
        ("Salary: R25,000 - R32,000 per month.", "ZA", (25000.0, 32000.0, "ZAR", "month")),
        ("22 000 - 28 000 PLN netto (B2B).", "PL", (22000.0, 28000.0, "PLN", "month")),
        ("NOK 850,000 - 1,000,000.", "NO", (850000.0, 1000000.0, "NOK", "year")),
        ("OTE $180,000 (50/50 split), base $90,000.", "US", (90000.0, 90000.0, "USD", "year")),
        ("Salary £140,000-£170,000 plus bonus.", "GB", (140000.0, 170000.0, "GBP", "year")),
        (
            "Monthly base salary of S$9,000 to S$12,000, 13th month bonus.",
            "SG",
            (9000.0, 12000.0, "SGD", "month"),
        ),
        ("Salário: R$ 15.000 a R$ 19.000 por mês.", "BR", (15000.0, 19000.0, "BRL", "month")),
        ("Gehalt: 55.000 - 65.000 € pro Jahr.", "DE", (55000.0, 65000.0, "EUR", "year")),
        ("Remote, Philippines only. $3.50/hour.", "PH", (3.5, 3.5, "USD", "hour")),
        (
            "Starting salary £32,000, rising to £36,000. Lab five days a week.",
            "GB",
            (32000.0, 32000.0, "GBP", "year"),
        ),
    ],
)
def test_text_salaries_with_place(text, country, expected):
    found = from_text(text, country)
    assert (found["min"], found["max"], found["currency"], found["period"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bonus up to A$20,000 on targets.",
        "We offer a $1,500 home office budget and 401(k) matching.",
        "Relocation budget of CHF 10,000.",
        "Look after 40 enterprise accounts.",
        "Python, R 4.2 and SQL.",
    ],
)
def test_figures_that_are_not_pay(text):
    assert from_text(text, "ZA") is None
