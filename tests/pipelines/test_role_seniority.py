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


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("AI Content Evaluator", "ai_data_annotator"),
        ("Search Quality Rater", "ai_data_annotator"),
        ("Applied ML Scientist", "data_scientist"),
        ("Data Scientist, NLP", "data_scientist"),
        ("Sales Engineer", "other_tech"),
        ("Mechanical Engineer", "non_tech"),
        ("Security Guard", "non_tech"),
        ("AI Ethics Lead", "other_tech"),
        ("AI Policy Manager", "non_tech"),
        ("Head of AI", "llm_genai_engineer"),
        ("Director of Product, AI", "ai_product_manager"),
        ("Member of Technical Staff, Post-Training", "ai_research_scientist"),
        ("Infrastructure Engineer, GPU Platform", "mlops_engineer"),
        ("Senior Security Engineer, AI", "other_tech"),
        ("Softwareentwickler Java (m/w/d)", "other_tech"),
    ],
)
def test_role_from_harder_titles(title, role):
    assert classify(title, "") == role


def test_research_scientist_outside_ai():
    assert classify("Research Scientist", "Plant breeding and field trials.", ai_skills=False) == "non_tech"
    assert classify("Research Scientist", "Train language models.", ai_skills=True) == "ai_research_scientist"


@pytest.mark.parametrize(
    ("text", "years", "asked"),
    [
        ("10+ years of experience, 3+ managing teams.", 3, "none"),
        ("12+ years, 5+ leading teams.", 5, "none"),
        ("10+ years selling enterprise SaaS.", 10, "none"),
        ("Java or Kotlin, 3+ years.", 3, "none"),
        ("We have been around for 5 years.", None, "none"),
        ("0-2 years of experience. Any degree.", 0, "bachelor"),
        ("PhD or MS with 3+ years.", 3, "master"),
        ("No degree required.", None, "none"),
        ("Scrum Master certification.", None, "none"),
        ("PharmD and an active license.", None, "phd"),
    ],
)
def test_years_and_degree_wording(text, years, asked):
    assert min_years(text) == years
    assert degree(text) == asked


def test_titles_that_name_no_level():
    assert seniority("Executive Assistant to the CEO", None) == "unknown"
    assert seniority("Clinical Data Manager", None) == "unknown"
    assert seniority("Member of Technical Staff", 5) == "senior"
