import json

from pipelines.extract import extract_file

CONTRACT_KEYS = {
    "id", "text", "skills", "remote_status", "remote_evidence", "remote_countries", "countries", "cities",
    "role", "ai_governance", "is_tech", "ai_involvement", "seniority", "min_years_experience", "degree", "salary",
}  # fmt: skip


def test_extract_file_contract_and_error_records(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": "a",
                        "title": "Senior Machine Learning Engineer",
                        "company": "Acme",
                        "location": "Remote - US",
                        "description": "<h3>Requirements</h3><ul><li>5+ years with PyTorch</li></ul>"
                        "<p>Salary: $150,000 - $190,000 per year. Fully remote.</p>",
                    }
                ),
                json.dumps({"id": "b", "title": None, "company": "", "location": None, "description": None}),
                "{not json",
                json.dumps({"title": "no id"}),
                json.dumps({"id": "c", "title": 42}),
            ]
        )
    )
    out = tmp_path / "out.jsonl"
    counts = extract_file(src, out)
    assert counts == {"extracted": 2, "errors": 3, "warned": 0}
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    a, b = rows[0], rows[1]
    assert set(a) >= CONTRACT_KEYS
    assert a["remote_status"] == "remote" and a["countries"] == ["US"] and a["remote_countries"] == ["US"]
    assert a["role"] == "ml_engineer" and a["ai_involvement"] == "required" and a["is_tech"]
    assert a["seniority"] == "senior" and a["min_years_experience"] == 5
    salary = a["salary"]
    assert (salary["min"], salary["max"], salary["currency"], salary["period"]) == (
        150000,
        190000,
        "USD",
        "year",
    )
    assert b["role"] == "non_tech" and b["remote_status"] == "unknown" and b["salary"] is None
    errors = rows[2:]
    assert [e["line"] for e in errors] == [3, 4, 5]
    assert all(e["error"] for e in errors)
