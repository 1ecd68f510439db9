"""One bad line never sinks ``jobmarket extract``: each broken case gets an error record or a
warning, the lines around it are extracted, and 10,000 mutated real postings from ../shared/real
run through with one output line each and no posting slower than 1 s."""

from __future__ import annotations

import json
import random
import time

import pytest

from pipelines.extract import MAX_CHARS, LineError, clean_record, extract_file, pipeline, read_line
from pipelines.nlp import extract_many
from spiders import replay

GOOD = {
    "id": "good",
    "title": "Senior Python Developer",
    "location": "Berlin, Germany",
    "description": "<p>Hybrid, 2 days in the office. Python, PostgreSQL and Docker. EUR 70,000 - 85,000 a year.</p>",
    "date_posted": "2024-03-01",
}


def run(tmp_path, lines: list[bytes]) -> list[dict]:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    extract_file(source, tmp_path / "out.jsonl")
    return [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]


def line(**changes) -> bytes:
    return json.dumps({**GOOD, **changes}).encode()


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        (b'{"id": "x", "title": "Caf\xe9 developer"}', "not UTF-8"),
        (b"[" * 50_000 + b"]" * 50_000, "nested too deeply"),
        (b'{"id": "x", "description": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "nested too deeply"),
        (b'{"id": "x", "title": "cut', "not JSON"),
        (b'{"title": "no id"}', "not an object with an id"),
        (b'{"id": "x", "title": ["a", "list"]}', "not text: title"),
    ],
)
def test_an_unreadable_line_is_an_error_record_and_the_rest_is_extracted(tmp_path, bad, error):
    out = run(tmp_path, [line(id="before"), bad, line(id="after")])
    assert [o["id"] for o in out][::2] == ["before", "after"]
    assert error in out[1]["error"] and out[1]["line"] == 2
    assert out[0]["remote_status"] == out[2]["remote_status"] == "hybrid"


@pytest.mark.parametrize(
    ("hint", "value"),
    [
        ("country_hints", 7),
        ("locations", 7),
        ("locations", [["Berlin"]]),
        ("source", ["greenhouse"]),
        ("source", {"name": "greenhouse"}),
        ("date_posted", 20240301),
        ("date_posted", "garbage"),
        ("date_posted", "2024-13-01"),
        ("salary_min", "lots"),
        ("salary_max", float("inf")),
        ("workplace_type", 1),
    ],
)
def test_a_hint_of_the_wrong_type_is_ignored_with_a_reason(tmp_path, hint, value):
    (out,) = run(tmp_path, [json.dumps({**GOOD, hint: value}).encode()])
    (warning,) = out["warnings"]
    assert warning.startswith(f"ignored {hint}: expected ")
    # the text is extracted as without the hint (the pay converted at today's rate, not the date's)
    (clean,) = run(tmp_path, [line()])
    for key in ("remote_status", "countries", "skills"):
        assert out[key] == clean[key]
    assert {k: out["salary"][k] for k in ("min", "max", "currency", "period")} == {
        k: clean["salary"][k] for k in ("min", "max", "currency", "period")
    }


def test_a_text_over_the_limit_is_cut_with_a_warning(tmp_path):
    huge_title = "Engineer " * 120_000  # over 1,000,000 characters: spaCy's max_length
    huge_description = GOOD["description"] * 3_000
    out = run(tmp_path, [line(title=huge_title), line(id="long", description=huge_description)])
    assert out[0]["warnings"] == [
        f"title cut at {MAX_CHARS['title']:,} of its {len(huge_title):,} characters"
    ]
    assert out[1]["warnings"][0].startswith("description cut at 200,000")
    assert out[1]["remote_status"] == "hybrid"


def test_a_record_whose_extraction_raises_is_its_own_error(tmp_path, extractor_bug):
    lines = [line(id=f"p{i}") for i in range(10)]
    lines[4] = line(id="p4", description="Pay: $90,000 BOOM a year")
    out = run(tmp_path, lines)
    assert [o["id"] for o in out] == [f"p{i}" for i in range(10)]
    assert out[4]["error"] == "extraction failed: ValueError: a rule's bug"
    assert all("error" not in o for i, o in enumerate(out) if i != 4)


# -- the fuzz: mutated real postings ---------------------------------------------------------

SEED = 20261203
JUNK = ["$", "€", "£", "¥", "₹", "R$", "CHF", "kr", "k", "K", "%", "-", "–", "/", "0", "9", "1,000,000",
        "$$$", "..", "<", ">", "&amp;", "&#x0;", "\u200b", "\u00a0", "\t", "\n\n\n", "İ", "ß", "🙂", "\ud7ff"]  # fmt: skip
TAGS = ["<p>", "</p>", "<li>", "<ul>", "<table><tr><td>", "</td><td>", "<br>", "<b>", "<script>", "<!--",
        "<div class=\"x\">", "<a href='http://x.y/z'>", "&lt;p&gt;", "<h3>Requirements</h3>"]  # fmt: skip
WRONG = [7, -1, 0.5, True, None, "garbage", "2024-13-45", [], [["x"]], {"a": 1}, [1, 2], "", "x" * 300]


def real_postings() -> list[dict]:
    root = replay.shared_dir()
    if not (root / "real").is_dir():
        pytest.skip(f"{root / 'real'} is not here (a fresh clone has no ../shared)")
    found = []
    for source in sorted(replay.REAL_FILES):
        for record in replay.read_real(source, root):
            description = record.get("text") or record.get("description") or record.get("contents")
            if description:
                found.append({"title": record.get("title") or record.get("name"), "description": description,
                              "source": source})  # fmt: skip
    return found


def mutate(posting: dict, rng: random.Random, number: int) -> bytes:
    record = {"id": f"fuzz-{number}", **posting}
    text = record["description"]
    for _ in range(rng.randint(0, 3)):
        kind = rng.random()
        at = rng.randint(0, len(text))
        if kind < 0.35:
            text = text[:at] + rng.choice(JUNK) * rng.randint(1, 20) + text[at:]
        elif kind < 0.6:
            text = text[:at] + rng.choice(TAGS) * rng.randint(1, 50) + text[at:]
        elif kind < 0.75:
            text = (
                text[:at]
                + "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 200)))
                + text[at:]
            )
        elif kind < 0.85:
            text = text[:at]  # cut
        else:
            text = text * rng.randint(2, 5)
    if rng.random() < 0.01:
        text = text * 40  # a description of up to a few hundred thousand characters
    record["description"] = text
    if rng.random() < 0.3:
        for hint in rng.sample(["locations", "country_hints", "source", "date_posted", "salary_min", "salary_max",
                                "salary_currency", "salary_period", "workplace_type", "salary_text"], 3):  # fmt: skip
            record[hint] = rng.choice(WRONG)
    if rng.random() < 0.02:
        record["title"] = "Senior Engineer " * rng.randint(10_000, 80_000)
    if rng.random() < 0.02:
        record["location"] = {"deep": json.loads("[" * 200 + "]" * 200)}
    raw = json.dumps(record, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    roll = rng.random()
    if roll < 0.02:  # stray bytes: the line is no longer UTF-8
        at = rng.randint(0, len(raw))
        raw = raw[:at] + bytes(rng.randint(128, 255) for _ in range(3)) + raw[at:]
    elif roll < 0.03:  # cut mid-line
        raw = raw[: rng.randint(1, len(raw))]
    elif roll < 0.035:
        raw = b'{"id": "deep", "title": ' + b"[" * 20_000 + b"]" * 20_000 + b"}"
    return raw.replace(b"\n", b" ")


def test_ten_thousand_mutated_real_postings(tmp_path):
    postings = real_postings()
    rng = random.Random(SEED)
    lines = [mutate(rng.choice(postings), rng, n) for n in range(10_000)]
    source = tmp_path / "fuzz.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    counts = extract_file(source, tmp_path / "out.jsonl")
    out = (tmp_path / "out.jsonl").read_bytes().splitlines()
    assert len(out) == len([raw for raw in lines if raw.strip()])
    assert counts["extracted"] + counts["errors"] == len(out)
    assert counts["errors"] < 0.1 * len(out)  # mostly readable: the mutations keep most lines JSON

    # every readable posting, timed one by one
    read = [read_line(number, raw) for number, raw in enumerate(lines, start=1)]
    records = [clean_record(record)[0] for record in read if not isinstance(record, LineError)]
    nlp = pipeline()
    slowest, started = 0.0, time.perf_counter()
    for _ in extract_many(records, nlp=nlp, batch_size=1):
        now = time.perf_counter()
        slowest, started = max(slowest, now - started), now
    assert slowest < 1.0, f"slowest posting took {slowest:.2f} s"
