import pytest

from pipelines.role import classify
from pipelines.seniority import degree, min_years, seniority


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Senior AI Engineer, Agents", "llm_genai_engineer"),
        ("Applied AI Engineer", "llm_genai_engineer"),
        ("Machine Learning Engineer, Ranking", "ml_engineer"),
        ("ML Platform Engineer", "mlops_engineer"),
        ("Research Scientist, Multimodal", "ai_research_scientist"),
        ("Decision Scientist", "data_scientist"),
        ("Product Manager, Machine Learning", "ai_product_manager"),
        ("AI Trainer (Freelance)", "ai_data_annotator"),
        ("Perception Engineer", "computer_vision_engineer"),
        ("Backend Engineer", "other_tech"),
        ("Product Designer", "other_tech"),
        ("Account Executive", "non_tech"),
        ("Financial Analyst", "non_tech"),
    ],
)
def test_role_from_title(title, role):
    assert classify(title, "") == role


def test_description_settles_a_generic_title():
    text = "You will build and ship LLM agents for our customers."
    assert classify("Software Engineer", text) == "llm_genai_engineer"
    assert classify("Software Engineer", "You will build our billing API.") == "other_tech"


@pytest.mark.parametrize(
    ("title", "years", "level"),
    [
        ("Staff Software Engineer", None, "lead_principal"),
        ("Head of Data", None, "executive"),
        ("Engineering Manager", None, "manager"),
        ("Product Manager", 6, "senior"),
        ("Associate Data Scientist", None, "junior"),
        ("Software Engineer II", None, "mid"),
        ("Data Scientist", 3, "mid"),
        ("Data Scientist", None, "unknown"),
        ("Machine Learning Intern", None, "intern"),
    ],
)
def test_seniority(title, years, level):
    assert seniority(title, years) == level


def test_years_and_degree():
    text = "- 5+ years of experience with Python\n- 3 years experience in SQL\nFounded 10 years ago."
    assert min_years(text) == 3
    assert degree("A BSc or MSc in Computer Science") == "bachelor"
    assert degree("PhD in Machine Learning") == "phd"
    assert degree("No degree needed") == "none"
