"""Seeded generator of the synthetic demo snapshot, in the sources' real wire formats.

Everything here is invented by this project: companies, postings, salaries. The snapshot is a
function of SEED and ANCHOR alone, so every machine builds the same bytes and the demo's
figures are reproducible. Quirks of the real APIs are reproduced on purpose:

- Greenhouse: one ``{"jobs": [...], "meta": {"total": n}}`` body per board, ``content`` is
  HTML-escaped HTML, dates are ISO 8601 with a local offset, ids are integers.
- Lever: a bare JSON array per page (``skip``/``limit``), ``createdAt`` in epoch milliseconds,
  ``salaryRange`` with an ``interval``, ``workplaceType``, the requirement lists apart from the
  description, and a few salary amounts as strings.
- Reposts (the same job under a new id a few weeks later), postings with several locations,
  postings without a location, and a few malformed records that the crawl must quarantine.

Usage: ``python -m demo.generate OUT_DIR`` (the demo calls it when its snapshot is missing).
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from warehouse import SYNTHETIC_KEY  # every generated record carries it

SEED = 20261201
ANCHOR = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # the snapshot's "today"
MONTHS = 30
N_POSTINGS = 2400
GENERATOR_VERSION = "3"
# The digest of what this version writes (tests/test_demo_snapshot.py pins it): a change to the
# output must bump GENERATOR_VERSION, or checkouts holding the old snapshot would keep replaying it.
SNAPSHOT_DIGEST = "47ca8cb1bf89c9e9357030818dfc1f4bdf52e34a02153aed76dd65879b52acec"

# country code, city, location label, weight, salary currency, period, annual base in that currency,
# offset hours (for Greenhouse's local timestamps), yearly growth factor of AI hiring
PLACES = [
    ("US", "San Francisco", "San Francisco, CA", 14, "USD", "year", 185_000, -8, 1.3),
    ("US", "New York", "New York, NY", 10, "USD", "year", 175_000, -5, 1.3),
    ("US", "Seattle", "Seattle, WA", 6, "USD", "year", 170_000, -8, 1.25),
    ("US", "Austin", "Austin, TX", 4, "USD", "year", 150_000, -6, 1.3),
    ("US", "Boston", "Boston, MA", 4, "USD", "year", 160_000, -5, 1.2),
    ("GB", "London", "London, UK", 9, "GBP", "year", 85_000, 0, 1.25),
    ("GB", "Cambridge", "Cambridge, United Kingdom", 2, "GBP", "year", 70_000, 0, 1.2),
    ("DE", "Berlin", "Berlin, Germany", 6, "EUR", "year", 80_000, 1, 1.2),
    ("DE", "Munich", "Munich, Germany", 3, "EUR", "year", 85_000, 1, 1.2),
    ("FR", "Paris", "Paris, France", 5, "EUR", "year", 70_000, 1, 1.35),
    ("NL", "Amsterdam", "Amsterdam, Netherlands", 4, "EUR", "year", 75_000, 1, 1.15),
    ("IE", "Dublin", "Dublin, Ireland", 3, "EUR", "year", 80_000, 0, 1.1),
    ("ES", "Barcelona", "Barcelona, Spain", 3, "EUR", "month", 4_200, 1, 1.2),
    ("PL", "Warsaw", "Warsaw, Poland", 3, "PLN", "month", 22_000, 1, 1.3),
    ("CA", "Toronto", "Toronto, Ontario, Canada", 5, "CAD", "year", 140_000, -5, 1.2),
    ("IN", "Bengaluru", "Bengaluru, India", 8, "INR", "lpa", 28, 5.5, 1.45),
    ("IN", "Hyderabad", "Hyderabad, India", 3, "INR", "lpa", 24, 5.5, 1.45),
    ("SG", "Singapore", "Singapore", 3, "SGD", "year", 130_000, 8, 1.2),
    ("AU", "Sydney", "Sydney, Australia", 3, "AUD", "year", 160_000, 10, 1.1),
    ("BR", "São Paulo", "São Paulo, Brazil", 3, "BRL", "month", 18_000, -3, 1.25),
    ("MX", "Mexico City", "Mexico City, Mexico", 2, "MXN", "month", 70_000, -6, 1.3),
    ("KE", "Nairobi", "Nairobi, Kenya", 3, "KES", "month", 450_000, 3, 1.6),
    ("NG", "Lagos", "Lagos, Nigeria", 2, "USD", "year", 45_000, 1, 1.5),
    ("ZA", "Cape Town", "Cape Town, South Africa", 2, "ZAR", "year", 850_000, 2, 1.2),
    ("JP", "Tokyo", "Tokyo, Japan", 2, "JPY", "year", 11_000_000, 9, 1.15),
]
LPA = 100_000  # one lakh rupees
COUNTRY_NAMES = {
    "US": "the US", "GB": "the United Kingdom", "DE": "Germany", "FR": "France", "NL": "the Netherlands",
    "IE": "Ireland", "ES": "Spain", "PL": "Poland", "CA": "Canada", "IN": "India", "SG": "Singapore",
    "AU": "Australia", "BR": "Brazil", "MX": "Mexico", "KE": "Kenya", "NG": "Nigeria", "ZA": "South Africa",
    "JP": "Japan",
}  # fmt: skip

ROLES = {
    # role: (weight, titles, required skills pool, preferred pool, salary multiplier)
    "llm_genai_engineer": (9, ["AI Engineer", "LLM Engineer", "Applied AI Engineer", "Generative AI Engineer",
                               "Senior AI Engineer, Agents", "Forward Deployed AI Engineer"],
                           ["Python", "LangChain", "LlamaIndex", "RAG", "Pinecone", "Weaviate", "pgvector",
                            "OpenAI API", "prompt engineering", "Hugging Face", "LLMs", "FastAPI", "Docker"],
                           ["fine-tuning", "LangGraph", "Kubernetes", "AWS", "evals"], 1.15),
    "ml_engineer": (9, ["Machine Learning Engineer", "Senior Machine Learning Engineer", "ML Engineer, Ranking",
                        "Machine Learning Engineer, Recommendations", "NLP Engineer"],
                    ["Python", "PyTorch", "TensorFlow", "scikit-learn", "feature engineering", "SQL", "Apache Spark",
                     "MLflow", "Airflow", "machine learning"],
                    ["Kubernetes", "Databricks", "recommender systems", "GCP"], 1.1),
    "mlops_engineer": (4, ["MLOps Engineer", "ML Platform Engineer", "ML Infrastructure Engineer"],
                       ["Kubernetes", "Docker", "Terraform", "MLflow", "Kubeflow", "SageMaker", "Airflow", "Python",
                        "Prometheus", "Grafana", "AWS"],
                       ["CUDA", "Ray", "Helm"], 1.1),
    "ai_research_scientist": (3, ["Research Scientist", "Research Engineer, LLMs", "Research Scientist, Multimodal"],
                              ["PyTorch", "JAX", "deep learning", "reinforcement learning", "Python",
                               "distributed training", "CUDA"],
                              ["RLHF", "Triton"], 1.35),
    "data_scientist": (8, ["Data Scientist", "Senior Data Scientist", "Applied Scientist", "Decision Scientist",
                           "Product Data Scientist"],
                       ["Python", "SQL", "statistics", "A/B testing", "pandas", "NumPy", "scikit-learn", "Tableau"],
                       ["causal inference", "R", "dbt", "Looker"], 1.0),
    "ai_product_manager": (2, ["AI Product Manager", "Product Manager, Machine Learning", "Senior Product Manager, AI"],
                           ["LLMs", "generative AI", "SQL", "experimentation"], ["Jira", "Figma"], 1.05),
    "ai_data_annotator": (2, ["AI Data Annotator", "AI Trainer (Freelance)", "Data Labeling Specialist"],
                          ["data annotation", "Excel"], ["RLHF"], 0.3),
    "computer_vision_engineer": (3, ["Computer Vision Engineer", "Perception Engineer",
                                     "Senior Computer Vision Engineer"],
                                 ["OpenCV", "PyTorch", "YOLO", "DETR", "CNNs", "image processing", "C++", "Python"],
                                 ["CUDA", "TensorRT", "ONNX"], 1.1),
    "other_tech": (38, ["Software Engineer", "Senior Backend Engineer", "Frontend Engineer", "Data Engineer",
                        "DevOps Engineer", "Site Reliability Engineer", "Data Analyst", "Security Engineer",
                        "QA Engineer", "Product Designer", "Android Engineer", "iOS Engineer",
                        "Full Stack Developer", "Staff Software Engineer", "Engineering Manager"],
                   ["Python", "Go", "Java", "TypeScript", "React", "Node.js", "PostgreSQL", "Kubernetes", "Docker",
                    "AWS", "Terraform", "SQL", "Kotlin", "Swift", "GraphQL", "Kafka", "dbt", "Snowflake", "CI/CD"],
                   ["GCP", "Redis", "Datadog", "Rust"], 0.95),
    "non_tech": (22, ["Account Executive", "Recruiter", "Marketing Manager", "Customer Success Manager",
                      "Sales Development Representative", "Office Manager", "People Partner"],
                 ["Salesforce", "Excel"], ["HubSpot"], 0.6),
}  # fmt: skip
DEGREES = {
    "ai": [None, "a Bachelor's degree in Computer Science or a related field",
           "an MSc or PhD in Machine Learning, Statistics or a related field"],
    "other_tech": [None, None, "a Bachelor's degree in Computer Science or a related field"],
    "non_tech": [None, None, "a Bachelor's degree in Business or a related field"],
}  # fmt: skip
AI_ROLES = [r for r in ROLES if r not in ("other_tech", "non_tech")]
COMPANIES = [
    ("northwind-labs", "Northwind Labs", "greenhouse"), ("acme-robotics", "Acme Robotics", "greenhouse"),
    ("globex", "Globex", "greenhouse"), ("initech", "Initech", "greenhouse"), ("hooli", "Hooli", "greenhouse"),
    ("umbrella-health", "Umbrella Health", "greenhouse"), ("vandelay", "Vandelay Industries", "greenhouse"),
    ("stark-analytics", "Stark Analytics", "greenhouse"), ("wayne-finance", "Wayne Finance", "greenhouse"),
    ("tyrell-ai", "Tyrell AI", "greenhouse"), ("soylent-foods", "Soylent Foods", "greenhouse"),
    ("cyberdyne", "Cyberdyne", "greenhouse"), ("pied-piper", "Pied Piper", "lever"),
    ("aperture", "Aperture", "lever"), ("oscorp", "Oscorp", "lever"), ("massive-dynamic", "Massive Dynamic", "lever"),
    ("wonka-labs", "Wonka Labs", "lever"), ("gringotts", "Gringotts", "lever"), ("monarch-ml", "Monarch ML", "lever"),
    ("blue-sun", "Blue Sun", "lever"), ("dunder-data", "Dunder Data", "lever"), ("prestige-mobility", "Prestige Mobility", "lever"),
]  # fmt: skip
BLURBS = [
    "{c} builds software that helps logistics teams plan their week.",
    "{c} is an AI-native company: our platform uses machine learning to forecast demand for retailers.",
    "At {c}, we make payments simple for small businesses in 30 countries.",
    "{c} uses AI to help clinicians spend less time on paperwork.",
    "{c} is a fast-growing marketplace connecting farmers and buyers.",
    "{c} builds developer tools used by two million engineers.",
]
BENEFITS = [
    "Generous parental leave and a yearly learning budget of $2,000.",
    "Private health insurance, 30 days of holiday and a 401(k) match of up to $6,000 per year.",
    "Equity for every employee, a home-office stipend and flexible hours.",
]


def pick_weighted(rng: random.Random, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def month_start(months_back: int) -> datetime:
    year, month = ANCHOR.year, ANCHOR.month - months_back
    while month <= 0:
        month += 12
        year -= 1
    return datetime(year, month, 1, tzinfo=UTC)


def make_posting(rng: random.Random, index: int) -> dict:
    # More postings in later months, and a larger AI share as time goes on.
    months_back = min(MONTHS - 1, int(rng.triangular(0, MONTHS, 0)))
    start = month_start(months_back)
    posted = start + timedelta(days=rng.randrange(27), hours=rng.randrange(24), minutes=rng.randrange(60))
    progress = 1 - months_back / MONTHS
    place = pick_weighted(rng, PLACES, [p[3] * (p[8] ** (progress * 2.5)) for p in PLACES])
    # AI/ML roles are about a sixth of tech postings at the start and grow to about a third.
    weights = [ROLES[r][0] * ((0.25 + 0.5 * progress) if r in AI_ROLES else 1) for r in ROLES]
    role = pick_weighted(rng, list(ROLES), weights)
    _, titles, required, preferred, multiplier = ROLES[role]
    title = rng.choice(titles)
    company_slug, company, source = rng.choice(COMPANIES)
    work = pick_weighted(rng, ["remote", "hybrid", "onsite", "unknown"],
                         [30, 40, 22, 8] if role in AI_ROLES else [22, 38, 30, 10])  # fmt: skip
    locations = [place[2]]
    if rng.random() < 0.08:
        other = rng.choice([p for p in PLACES if p[1] != place[1]])
        locations.append(other[2])
    skills_required = rng.sample(required, k=min(len(required), rng.randint(3, 6)))
    skills_preferred = rng.sample(preferred, k=min(len(preferred), rng.randint(0, 2)))
    if role == "other_tech" and rng.random() < 0.15:
        skills_preferred.append(rng.choice(["LLMs", "machine learning", "generative AI"]))
    if role == "other_tech" and rng.random() < 0.1:
        skills_required.append("GitHub Copilot")
    years = rng.choice([None, 1, 2, 3, 4, 5, 6, 8])
    salary = None
    if rng.random() < 0.5:
        base = place[6] * multiplier * rng.uniform(0.85, 1.15)
        period = place[5]
        if role == "ai_data_annotator":
            salary = ("USD", "hour", round(rng.uniform(18, 40)), None)
        elif period == "lpa":
            low = round(base)
            salary = ("INR", "lpa", low, low + rng.randint(4, 12))
        else:
            step = 1000 if base > 20_000 else 100
            low = round(base / step) * step
            salary = (place[4], period, low, round(low * rng.uniform(1.1, 1.3) / step) * step)
    return {
        "index": index, "role": role, "title": title, "company_slug": company_slug, "company": company,
        "source": source, "posted": posted, "place": place, "locations": locations, "work": work,
        "required": skills_required, "preferred": skills_preferred, "years": years, "salary": salary,
        "blurb": rng.choice(BLURBS).format(c=company), "benefits": rng.choice(BENEFITS),
        "degree": rng.choice(DEGREES[role if role in DEGREES else "ai" if role in AI_ROLES else "other_tech"]),
    }  # fmt: skip


def work_sentence(p: dict) -> str:
    city, country = p["place"][1], p["place"][0]
    if p["work"] == "remote":
        return f"This role is fully remote; you can work from anywhere in {COUNTRY_NAMES[country]}."
    if p["work"] == "hybrid":
        return f"This is a hybrid role: 3 days a week in our {city} office."
    if p["work"] == "onsite":
        return f"This role is on-site in our {city} office, five days a week. Remote work is not possible."
    return ""


def salary_sentence(p: dict) -> str:
    if not p["salary"]:
        # every other posting without pay says so in words that must not parse as a salary
        return ["Compensation: competitive, DOE.", ""][p["index"] % 2]
    cur, period, low, high = p["salary"]
    symbol = {"USD": "$", "GBP": "£", "EUR": "€", "CAD": "CA$", "INR": "₹", "AUD": "A$", "SGD": "S$"}.get(cur)
    if period == "lpa":
        return f"CTC: ₹{low}-{high} LPA."
    unit = {"year": "per year", "month": "per month", "hour": "per hour"}[period]
    fmt = (lambda v: f"{symbol}{v:,}") if symbol else (lambda v: f"{v:,} {cur}")
    if high is None:
        return f"Pay: {fmt(low)} {unit}."
    return f"The base salary range for this role is {fmt(low)} - {fmt(high)} {unit}."


def description_html(p: dict) -> str:
    req = "".join(f"<li>Hands-on experience with {s}</li>" for s in p["required"])
    if p["years"]:
        req = f"<li>{p['years']}+ years of experience in a similar role</li>" + req
    if p["degree"]:
        req += f"<li>{p['degree'].capitalize()}</li>"
    pref = "".join(f"<li>{s}</li>" for s in p["preferred"])
    parts = [
        "<h3>About us</h3>", f"<p>{html.escape(p['blurb'])}</p>",
        "<h3>The role</h3>", f"<p>You will join the {p['title']} team &amp; ship work that matters.</p>",
        "<h3>Requirements</h3>", f"<ul>{req}</ul>",
    ]  # fmt: skip
    if pref:
        parts += ["<h3>Nice to have</h3>", f"<ul>{pref}</ul>"]
    parts += [f"<p>{work_sentence(p)}</p>", f"<p>{html.escape(salary_sentence(p))}</p>",
              "<h3>Benefits</h3>", f"<p>{html.escape(p['benefits'])}</p>"]  # fmt: skip
    return "".join(x for x in parts if x not in ("<p></p>",))


def greenhouse_job(p: dict, rng: random.Random) -> dict:
    offset = timedelta(hours=p["place"][7])
    local = (p["posted"] + offset).replace(tzinfo=None)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds() // 60))
    stamp = local.isoformat(timespec="seconds") + f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    job_id = 4_000_000_000 + p["index"] * 7919
    location = p["locations"][0] if p["work"] != "remote" else f"Remote, {p['place'][0]}"
    return {
        "absolute_url": f"https://job-boards.greenhouse.io/{p['company_slug']}/jobs/{job_id}",
        "data_compliance": [{"type": "gdpr", "requires_consent": False, "retention_period": None}],
        "internal_job_id": job_id - 1000,
        "location": {"name": " / ".join([location, *p["locations"][1:]])},
        "metadata": None,
        "id": job_id,
        "updated_at": stamp,
        "requisition_id": str(1000 + p["index"]),
        "title": p["title"],
        "company_name": p["company"],
        "first_published": stamp,
        "language": "en",
        "content": html.escape(description_html(p)),
        "departments": [{"id": 1, "name": "Engineering" if p["role"] != "non_tech" else "Go to market"}],
        "offices": [{"id": 2, "name": loc, "location": None} for loc in p["locations"]],
    }


LEVER_WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "onsite": "on-site", "unknown": "unspecified"}
LEVER_INTERVAL = {"year": "per-year-salary", "month": "per-month-salary", "hour": "per-hour-wage"}


def lever_posting(p: dict, rng: random.Random) -> dict:
    posting_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    desc = description_html(p)
    head, _, rest = desc.partition("<h3>Requirements</h3>")
    req_html, _, tail = rest.partition("</ul>")
    record = {
        "additionalPlain": p["benefits"],
        "additional": f"<div>{html.escape(p['benefits'])}</div>",
        "categories": {"commitment": "Full-time", "department": p["company"], "location": p["locations"][0],
                       "team": "Engineering" if p["role"] != "non_tech" else "Sales", "allLocations": p["locations"]},
        "createdAt": int(p["posted"].timestamp() * 1000),
        "descriptionPlain": p["blurb"],
        "description": head + tail,
        "id": posting_id,
        "lists": [{"text": "Requirements", "content": req_html.removeprefix("<ul>")}],
        "text": p["title"],
        "country": p["place"][0],
        "workplaceType": LEVER_WORKPLACE[p["work"]],
        "opening": "", "openingPlain": "",
        "hostedUrl": f"https://jobs.lever.co/{p['company_slug']}/{posting_id}",
        "applyUrl": f"https://jobs.lever.co/{p['company_slug']}/{posting_id}/apply",
    }  # fmt: skip
    if p["salary"] and p["salary"][1] != "lpa" and p["index"] % 3 != 0:
        cur, period, low, high = p["salary"]
        high = high or low
        # Lever sometimes sends the amounts as strings.
        as_str = p["index"] % 7 == 0
        record["salaryRange"] = {"interval": LEVER_INTERVAL[period], "currency": cur,
                                 "min": str(low) if as_str else low, "max": str(high) if as_str else high}  # fmt: skip
    return record


def generate(out: Path) -> dict:
    rng = random.Random(SEED)
    postings = [make_posting(rng, i) for i in range(N_POSTINGS)]
    # Reposts: the same job under a new id two to five weeks later.
    for p in rng.sample(postings, k=N_POSTINGS // 40):
        repost = dict(p, index=len(postings), posted=p["posted"] + timedelta(days=rng.randint(14, 35)))
        if repost["posted"] < ANCHOR:
            postings.append(repost)
    postings.sort(key=lambda p: (p["posted"], p["index"]))

    boards: dict[str, dict[str, list]] = {"greenhouse": {}, "lever": {}}
    for p in postings:
        make = greenhouse_job if p["source"] == "greenhouse" else lever_posting
        boards[p["source"]].setdefault(p["company_slug"], []).append({**make(p, rng), SYNTHETIC_KEY: True})
    # Two malformed records the crawl must quarantine, not land.
    boards["greenhouse"]["globex"].append(
        {"id": 99, "title": "Broken record without a URL", SYNTHETIC_KEY: True}
    )
    boards["lever"]["aperture"].append(
        {"text": "Lever record without an id", "hostedUrl": "https://jobs.lever.co/x", SYNTHETIC_KEY: True}
    )

    for slug, jobs in boards["greenhouse"].items():
        path = out / "v1" / "boards" / slug / "jobs" / "content=true.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"jobs": jobs, "meta": {"total": len(jobs)}}, ensure_ascii=False))
    page_size = 100
    for slug, jobs in boards["lever"].items():
        folder = out / "v0" / "postings" / slug
        folder.mkdir(parents=True, exist_ok=True)
        for skip in range(0, len(jobs) + 1, page_size):
            page = jobs[skip : skip + page_size]
            (folder / f"limit={page_size}&mode=json&skip={skip}.json").write_text(
                json.dumps(page, ensure_ascii=False)
            )
    (out / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "seed": SEED,
        "anchor": ANCHOR.isoformat(),
        "synthetic": True,
        "boards": {source: sorted(b) for source, b in boards.items()},
        "n_postings": {source: sum(len(j) for j in b.values()) for source, b in boards.items()},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def snapshot_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def ensure_snapshot(out: Path) -> Path:
    """Generate the snapshot unless one of this generator version is already there."""
    manifest = out / "manifest.json"
    if manifest.exists() and json.loads(manifest.read_text()).get("generator_version") == GENERATOR_VERSION:
        return out
    generate(out)
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "data/demo/snapshot")
    print(json.dumps(generate(target), indent=2))
