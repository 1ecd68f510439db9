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
        # a bare "AI" is a field, not a skill the posting asks for (LABELS.md); the tool it names is
        ("We are OpenAI partners and use AI daily.", {"openai_api"}, {"artificial_intelligence"}),
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


@pytest.mark.parametrize(
    ("text", "company", "present", "absent"),
    [
        ("Spark curiosity in every guest.", None, set(), {"spark"}),
        ("Spark jobs in Scala.", None, {"spark", "scala"}, set()),
        ("Work alongside our head Chef on the menu. Chef experience a plus.", None, set(), {"chef"}),
        ("Manage the fleet with Chef and Terraform.", None, {"chef", "terraform"}, set()),
        ("Build and operate puppets for the show.", None, set(), {"puppet"}),
        ("Monthly salary PHP 35,000.", None, set(), {"php"}),
        ("Laravel, PHP 8 and MySQL.", None, {"php", "laravel", "mysql"}, set()),
        ("Acorn AI builds agents for insurers.", "Acorn AI", set(), {"artificial_intelligence"}),
        ("Rust & Rye is hiring a line cook.", "Rust & Rye Kitchen", set(), {"rust"}),
        ("Python, some Go.", None, {"python", "go"}, set()),
        ("Go above and beyond for our clients.", None, set(), {"go"}),
        ("Write firmware in C for ARM microcontrollers.", None, {"c"}, set()),
        ("Analyse claims data in R (tidyverse).", None, {"r", "tidyverse"}, set()),
        ("Salário: R$ 15.000 por mês.", None, set(), {"r"}),
        ("Port the model to Julia; you know Julia, Python and MPI.", None, {"julia", "python", "mpi"}, set()),
        ("Julia Roberts fans welcome.", None, set(), {"julia"}),
        (
            "Maintains a clean workspace; email reports from Thailand and Dubai.",
            None,
            set(),
            {"artificial_intelligence"},
        ),
        ("Jest and Cypress tests.", None, {"jest", "cypress"}, set()),
        ("Tell a jest or two.", None, set(), {"jest"}),
        ("Deep experience with voice assistant design.", None, {"voice_ai"}, set()),
    ],
)
def test_context_rules_with_company(nlp, text, company, present, absent):
    [out] = extract_many([{"id": 1, "company": company, "description": text}], nlp=nlp)
    found = {s["skill_id"] for s in out["skills"]}
    assert present <= found, found
    assert not (absent & found), found


@pytest.mark.parametrize(
    ("text", "skill", "level"),
    [
        # generic AI words that ask nothing of the candidate are no skill of the posting
        ("No machine learning required for this role.", "machine_learning", None),
        ("Our agency builds AI-powered websites.", "artificial_intelligence", None),
        ("You will build LLM-powered features.", "llm", "required"),
        ("Strong Excel, SAP a plus.", "excel", "required"),
        ("Strong Excel, SAP a plus.", "sap_erp", None),
        ("Kubernetes, Docker and Terraform are a plus.", "kubernetes", "preferred"),
    ],
)
def test_levels_by_sentence(nlp, text, skill, level):
    found, _ = skills(nlp, text)
    if level is None:
        assert skill not in found  # "SAP" alone names no SAP product in the taxonomy either
    else:
        assert found[skill]["requirement"] == level


def test_negated_ai_skill_is_no_ai_involvement(nlp):
    _, out = skills(nlp, "Analyse usage with SQL. No machine learning required.", title="Data Analyst")
    assert out["ai_involvement"] == "none"
