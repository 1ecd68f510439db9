import pytest

from pipelines.nlp import build_nlp, extract_many
from pipelines.skills import load_taxonomy


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def skills(nlp, text, title=""):
    [out] = extract_many([{"id": 1, "title": title, "description": text}], nlp=nlp)
    return {s["skill_id"]: s for s in out["skills"]}, out


def test_taxonomy_is_whole():
    taxonomy = load_taxonomy()
    for must in ("python", "langchain", "llamaindex", "pinecone", "pytorch", "kubernetes", "rlhf", "yolo"):
        assert must in taxonomy
    assert sum(s.is_ai for s in taxonomy.values()) >= 60


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Experience with Python, R or SQL.", {"python", "r", "sql"}, set()),
        ("Our R&D team is growing.", set(), {"r"}),
        ("We write services in Go and Rust.", {"go", "rust"}, set()),
        ("Go beyond what you thought possible.", set(), {"go"}),
        ("Golang experience.", {"go"}, set()),
        ("You will excel at communication.", set(), {"excel"}),
        ("Advanced Excel and Tableau skills.", {"excel", "tableau"}, set()),
        ("Java, JavaScript and TypeScript.", {"java", "javascript", "typescript"}, set()),
        ("C-level stakeholders; knowledge of C, C++ and C#.", {"c", "cpp", "csharp"}, set()),
        ("We are OpenAI partners and use AI daily.", {"artificial_intelligence", "openai_api"}, set()),
        ("Built on Ruby on Rails.", {"rails"}, set()),
        ("Get the project back on the rails.", set(), {"rails"}),
        ("Apache Spark and PySpark at scale.", {"spark"}, set()),
        ("Keep the spark alive.", set(), {"spark"}),
        ("Swift and SwiftUI for iOS.", {"swift", "swiftui"}, set()),
        ("k8s, sklearn and torch.", {"kubernetes", "scikit_learn", "pytorch"}, set()),
        ("RAG pipelines over a vector database.", {"rag", "vector_databases"}, set()),
    ],
)
def test_context_rules(nlp, text, present, absent):
    found, _ = skills(nlp, text)
    assert present <= set(found), found
    assert not (absent & set(found)), found


def test_offsets_and_requirement_levels(nlp):
    text = "About us\nWe build with Kafka.\n\nRequirements\n- Python and PyTorch\n- Docker is a plus\n\nNice to have\n- LangChain"
    found, out = skills(nlp, text, title="ML Engineer")
    for hit in out["skills"]:
        assert out["text"][hit["start"] : hit["end"]] == hit["matched_text"]
    assert found["kafka"]["requirement"] == "mentioned"
    assert found["python"]["requirement"] == "required"
    assert found["docker"]["requirement"] == "preferred"
    assert found["langchain"]["requirement"] == "preferred"
