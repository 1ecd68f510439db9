"""The checked-in taxonomy: its size, its AI clusters, its surface forms, and the skills the AI
roles ask for."""

import csv
from collections import Counter

from pipelines.scan import Scanner, inflect
from pipelines.skills import TAXONOMY_PATH, load_taxonomy

CATEGORIES = {
    "language", "framework", "library", "ml_method", "genai_llm", "data", "cloud", "devops", "database", "bi",
    "tool", "security", "platform", "testing", "practice", "hardware", "design", "blockchain",
}  # fmt: skip
KNOWN_RULES = {
    "case_sensitive",
    "exact",
    "list_context",
    "tech_context",
    "go_lang",
    "excel",
    "rails",
    "not_currency",
}


def test_size_and_ai_clusters():
    taxonomy = load_taxonomy()
    ai = [s for s in taxonomy.values() if s.is_ai]
    assert len(taxonomy) >= 1500
    assert len(ai) >= 350
    assert all(s.cluster for s in ai), "every AI skill sits in a cluster"
    clusters = Counter(s.cluster for s in ai)
    assert len(clusters) >= 9 and min(clusters.values()) >= 10
    assert not [s for s in taxonomy.values() if not s.is_ai and s.cluster]


def test_columns_are_clean():
    with open(TAXONOMY_PATH, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["category"] for r in rows} <= CATEGORIES
    assert {r["context_rule"] for r in rows} - {""} <= KNOWN_RULES
    assert all(r["skill_id"] == r["skill_id"].strip().lower() and " " not in r["skill_id"] for r in rows)


def test_every_surface_form_belongs_to_one_skill():
    # The scanner refuses a form that two skills claim.
    Scanner(load_taxonomy(), cues={})


def test_the_skills_ai_roles_ask_for():
    taxonomy = load_taxonomy()
    by_form = {form: s.skill_id for s in taxonomy.values() for form in s.surface_forms}
    for form in (
        "python", "langchain", "llamaindex", "vector databases", "pinecone", "weaviate", "milvus", "qdrant",
        "pgvector", "chroma", "prompt engineering", "hugging face", "openai api", "pytorch", "tensorflow", "mlops",
        "docker", "kubernetes", "sql", "feature engineering", "mlflow", "airflow", "sagemaker", "terraform",
        "prometheus", "grafana", "statistics", "pandas", "numpy", "scikit-learn", "tableau", "power bi",
        "experiment design", "opencv", "yolo", "detr", "cnn", "image processing", "cuda", "rlhf",
    ):  # fmt: skip
        assert form in by_form, form
    # surface forms that name the same skill
    for a, b in [("pytorch", "torch"), ("scikit-learn", "sklearn"), ("llm", "large language models"),
                 ("kubernetes", "k8s"), ("retrieval-augmented generation", "rag")]:  # fmt: skip
        assert by_form[a] == by_form[b], (a, b)


def test_inflection_of_multiword_forms_only():
    assert inflect("voice assistants") == "voice assistant"
    assert inflect("model evaluation") == "model evaluations"
    assert inflect("prototypes") is None  # one word: its other number may be a verb
    assert inflect("design of experiments") is None or inflect("design of experiments").endswith("experiment")
    assert inflect("ci/cd") is None
