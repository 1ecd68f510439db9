"""Role class from the title first and the description second; is_tech; AI governance.

The ten classes and their definitions are in the README ("Extraction"). Title rules run in a
fixed order because titles combine words: "ML Platform Engineer" is MLOps before it is ML,
"AI Product Manager" is a PM before it is an AI engineer."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from pipelines import ai_involvement, extensions, positions, textcat  # noqa: F401
from pipelines.scan import register_cues
from pipelines.sections import REQUIRED, level_at
from pipelines.skills import load_taxonomy
from pipelines.skills.component import GENERIC_AI

# "Send us your GitHub profile": a link asked for, not a skill
APPLICATION_LINK = re.compile(
    r"\byour github\b|\bgithub (profile|account|link|handle|username|repos?)\b|\bportfolio\b", re.I
)


def _around(text: str, hit: dict) -> str:
    return text[max(0, hit["start"] - 60) : hit["end"] + 60]


# Generic words that name a field more often than a skill asked: kept only where the sentence asks
# for them; a bare "AI" is never a skill of its own (the specific tools and methods are).
CONTEXT_WORDS = frozenset(GENERIC_AI | {"data_science", "product_management"})

AI_ROLES = (
    "llm_genai_engineer", "ml_engineer", "mlops_engineer", "ai_research_scientist", "data_scientist",
    "ai_product_manager", "ai_data_annotator", "computer_vision_engineer",
)  # fmt: skip
ROLES = (*AI_ROLES, "other_tech", "non_tech")

AI_WORD = (
    r"(ai|a\.i\.|ml|machine learning|genai|gen ai|generative ai|llms?|artificial intelligence|deep learning)"
)
TITLE_RULES: list[tuple[str, re.Pattern]] = [
    (
        "ai_data_annotator",
        re.compile(
            r"\b(annotat\w*|label(l)?ers?|data label(l)?ing|ai (trainer|tutor)|rlhf|(model|search|ad|ai) "
            r"(rater|evaluator)s?|ai training|prompt (writer|rater)|response (rater|evaluator))\b|"
            r"\bai\b.*\b(rater|evaluator|trainer|tutor|annotator|label(l)?er)s?\b|\b(search|ads?) quality (rater|evaluator)s?\b",
            re.I,
        ),
    ),
    (
        "ai_product_manager",
        re.compile(
            rf"\b{AI_WORD}\b.*\bproduct (manager|owner|lead)|product (manager|owner|lead)\b.*\b{AI_WORD}\b|"
            rf"\b(director|head|vp|vice president) of product\b.*\b{AI_WORD}\b",
            re.I,
        ),
    ),
    (
        "ai_research_scientist",
        re.compile(
            r"\bresearch (scientist|engineer)|\b(ml|ai|machine learning|deep learning|nlp|llm) researcher\b|"
            r"\b(ai|ml) research\b|\b(post|pre)[- ]?training\b",
            re.I,
        ),
    ),
    (
        "computer_vision_engineer",
        re.compile(
            r"\b(computer vision|cv engineer|perception|vision (engineer|scientist)|image processing|video (ml|ai))\b",
            re.I,
        ),
    ),
    (
        "mlops_engineer",
        re.compile(
            r"\b(mlops|ml ops|llmops|ml (platform|infrastructure|infra|systems)|machine learning (platform|infrastructure)|"
            r"ai (platform|infrastructure|infra)|(training|inference) (platform|infrastructure|infra)|inference|"
            r"model (serving|deployment)|gpu (platform|infrastructure|infra|clusters?|fleet))\b",
            re.I,
        ),
    ),
    (
        "llm_genai_engineer",
        re.compile(
            r"\b(llms?|genai|gen ai|generative ai|prompt engineer|ai engineer|applied ai|ai (software|solutions|agent|agents|"
            r"application|applications|developer)|forward[- ]deployed (ai )?engineer|conversational ai|rag)\b|"
            r"\b(ai|genai|gen ai|generative ai|llms?)\b.*\b(engineer|developer)\b|"
            r"(?<!security )(?<!network )(?<!hardware )\b(engineer|developer)\b.*\b(ai|genai|llms?)\b|"
            r"\b(head|director|vp|chief) of (ai|genai|generative ai|artificial intelligence)\b|\bchief ai\b|"
            r"\bai (automation|integration|implementation) |\bai (solutions? )?architect|\bevals?\b|\bllm evaluation\b",
            re.I,
        ),
    ),
    (
        "data_scientist",
        re.compile(
            r"\b(data scien\w+|applied scientist|decision scientist|\w*statistician|quantitative analyst)\b|"
            r"\b(ml|machine learning|applied ml|applied|ai|nlp) scientist\b|"
            r"\bquant(itative)? researcher\b.*\b(ml|machine learning|ai)\b",
            re.I,
        ),
    ),
    (
        "ml_engineer",
        re.compile(
            r"\b(machine learning|ml|deep learning|nlp|recommendation|recommender|ranking|personali[sz]ation)\b",
            re.I,
        ),
    ),
]
TECH_TITLE = re.compile(
    r"\b(engineer\w*|develop\w*|programmer|software|devops|sre|site reliability|architect|data|analytics|"
    r"security|cyber\w*|it|infrastructure|cloud|qa|quality assurance|test(er|ing)?|ux|ui|product designer|product "
    r"(manager|owner)|scrum master|technical|technology|tech|business analyst|implementation (specialist|consultant|engineer)|"
    r"sysadmin|systems? administrator|network|database|dba|"
    r"frontend|front-end|backend|back-end|full[- ]?stack|mobile|ios|android|web|firmware|embedded|electronics?|"
    r"hardware|cto|bi|business intelligence|salesforce|sap|erp|blockchain|solutions consultant|support engineer|"
    r"\w*entwickler\w*|informatiker\w*|développeur|desarrollador|programador|product analyst|bi analyst|data center|"
    # designers of software and bare analysts (data analysts) are technology roles (LABELS.md); graphic
    # and brand designers are not (NON_TECH_OVERRIDE)
    r"(?:interface|interaction|web|visual|user experience|experience|digital|mobile|app|game|lead|senior|staff)?\s*designer|"
    r"analyst|mathematician|physicist|hacker)\b",
    re.I,
)
NON_TECH_OVERRIDE = re.compile(
    r"\b(sales|account (executive|manager)|recruit\w*|marketing|nurse|accountant|legal|counsel|hr|people partner|"
    r"customer success|office manager|finance|financial|copywriter|security (guard|officer)|graphic designer|"
    r"fashion designer|interior designer|brand designer|instructional designer|"
    r"(mechanical|civil|chemical|structural|process|manufacturing|mining|petroleum|environmental|biomedical|"
    r"electrical|maintenance|aircraft|aerospace|hvac|building services) engineer|data entry)\b",
    re.I,
)
GOVERNANCE = re.compile(
    r"\b(ai|a\.i\.|ml|algorithmic|model) (ethics|ethicist|governance|audit\w*|compliance|policy|risk|assurance)\b|"
    r"\bresponsible ai\b|\bai act\b|\btrust (and|&) safety\b.*\bai\b|\bai red team(ing)?\b",
    re.I,
)
DESCRIPTION_HINTS: list[tuple[str, re.Pattern]] = [
    (
        "llm_genai_engineer",
        re.compile(r"\b(build|ship|develop)\w* [\w ,]{0,40}\b(llm|rag|agents?|generative ai)\b", re.I),
    ),
    (
        "ml_engineer",
        re.compile(r"\b(train|deploy|build)\w* [\w ,]{0,40}\b(machine learning|ml) models?\b", re.I),
    ),
]


register_cues("role_hint", substrings=("llm", "rag", "agent", "generative", "machine learning", "ml model"))
register_cues(
    "governance",
    substrings=("ethic", "governance", "audit", "compliance", "policy", "risk", "assurance", "responsible ai",
                "ai act", "trust", "red team"),
)  # fmt: skip


ENGINEER = re.compile(r"\bengineer", re.I)
POLICY_OR_LEGAL = re.compile(r"\b(policy|legal|counsel|lawyer|attorney|solicitor|public affairs)\b", re.I)
GOVERNANCE_TITLE = re.compile(
    r"\b(ethic\w*|policy|compliance|risk|audit\w*|governance|trust|safety|legal|privacy|regulat\w*|assurance)\b",
    re.I,
)


# A designer, writer or seller of AI tools is a designer, writer or seller: "UX Designer - AI
# Developer Tools", "Pre-Sales Solution Architect – AI Infrastructure". The head of the title (its
# part before a dash or comma) decides.
NOT_AI_BUILDER_HEAD = re.compile(
    r"\b(designer|design|writer|editor|recruiter|sourcer|marketer|marketing|sales|pre-?sales|account|"
    r"counsel|lawyer|attorney|accountant|instructor|teacher|support|success)\b",
    re.I,
)
# "AI-assisted software engineer", "AI-native developer": AI describes the way of working
AI_WAY_OF_WORKING = re.compile(
    r"\bai[- ](assisted|first|native|enabled|powered|driven|augmented|fluent)\b", re.I
)
TECHNICAL_SALES = re.compile(
    r"\bpre-?sales\b|\bsolutions? (architect|engineer|consultant)\b|\bsales engineer", re.I
)
TITLE_HEAD = re.compile(r"\s+[-–—|]\s+|,\s+|\s+\(")


@lru_cache(maxsize=65536)
def classify_title(title: str) -> str | None:
    """The role class a title names, or None; cached: boards and threads repeat a few thousand titles."""
    head = TITLE_HEAD.split(title, maxsplit=1)[0]
    cleaned = AI_WAY_OF_WORKING.sub(" ", title)
    if NOT_AI_BUILDER_HEAD.search(head) and not re.search(
        r"\b(ai|ml|data) (engineer|scientist)\b", head, re.I
    ):
        cleaned = re.sub(rf"\b{AI_WORD}\b", " ", cleaned, flags=re.I)
    for role, pattern in TITLE_RULES:
        if pattern.search(cleaned):
            return role
    if GOVERNANCE.search(title) and not POLICY_OR_LEGAL.search(title):
        return "other_tech"  # AI ethics, audit and governance roles review the technology itself
    override = NON_TECH_OVERRIDE.search(title)
    # "Sales Engineer" and "Customer Success Engineer" are technical roles; "Mechanical Engineer" is not
    if override and ENGINEER.search(title) and not override.group().lower().endswith("engineer"):
        override = None
    if override and TECHNICAL_SALES.search(title):
        override = None  # technical pre-sales is a technology role (LABELS.md)
    if TECH_TITLE.search(title) and not override:
        return "other_tech"
    return None


def is_ai_governance(title: str, description: str) -> bool:
    """An AI ethics, audit, compliance or policy role: said by the title, or by the description
    of a role whose title is in governance ("Compliance Manager" for the EU AI Act). A model
    builder whose posting mentions model governance is not one."""
    if GOVERNANCE.search(title):
        return True
    return bool(GOVERNANCE_TITLE.search(title) and GOVERNANCE.search(description))


def classify(title: str, description: str, ai_skills: bool = True) -> str:
    """``ai_skills``: whether the posting names any AI skill; a "Research Scientist" without one
    (in chemistry, say) is not an AI research scientist."""
    role = classify_title(title or "")
    if (
        role == "ai_research_scientist"
        and not ai_skills
        and not re.search(rf"\b{AI_WORD}\b", title or "", re.I)
    ):
        return "other_tech" if ENGINEER.search(title or "") else "non_tech"
    if role and role != "other_tech":
        return role
    if role == "other_tech":
        # A generic engineering title ("Software Engineer", "Member of Technical Staff") with a
        # description that is plainly about building LLM products or training models.
        for hinted, pattern in DESCRIPTION_HINTS:
            if re.search(r"\b(engineer|developer|staff)\b", title or "", re.I) and pattern.search(
                description[:3000]
            ):
                return hinted
        return role
    return "non_tech"


@Language.factory("jobmarket_role_v2")
def make_role(nlp: Language, name: str):
    def role_component(doc: Doc) -> Doc:
        ext = doc._
        posting = ext.posting or {}
        scan = ext.scan
        result = ext.result
        body = scan.text[scan.title_end :]
        given = (posting.get("title") or "").strip()
        # A title read from the text's own first line (a Hacker News header) is one candidate among
        # the positions the header and the text name; a board's title is the position.
        header_title = bool(given) and " ".join(given.split()) in " ".join(body.split("\n", 1)[0].split())
        found = positions.positions(
            given,
            body,
            header_title,
            scan.cued_text("position", body_only=True, limit=4000) if header_title else None,
        )
        named = [(t, phrase) for t, phrase in found if positions.is_position(t)]
        title = named[0][0] if named else given
        phrase = named[0][1] if named else given
        ai_skills = any(s["is_ai"] for s in result.get("skills", []))
        hints = scan.cued_text("role_hint", body_only=True, limit=3000)
        # a "Who is hiring?" comment that names no position hires engineers
        if header_title and not named:
            role = "other_tech"
        else:
            # the words around the title may name its field ("Development Engineer Computer Vision");
            # they may also hold another word ("Rails Developer, Sales & Ops") that the title has not
            role = classify(phrase, hints, ai_skills)
            if role == "non_tech" and phrase != title:
                role = classify(title, hints, ai_skills)
            if (
                role == "non_tech"
                and header_title
                and title.lower() in positions.GENERIC | {"co-founder", "cofounder"}
            ):
                role = "other_tech"  # "INTERN", "hacker", "co-founder" in a "Who is hiring?" comment
        result["title"] = title if named else (None if header_title else given or None)
        result["header_line"] = body.split("\n", 1)[0] if header_title else None
        result["role"] = role
        result["roles"] = sorted({role, *(classify(p, "", ai_skills) for _, p in named[1:])})
        result["is_tech"] = role != "non_tech"
        governance = scan.cued_text("governance", body_only=True, limit=4000)
        result["ai_governance"] = is_ai_governance(title, governance)
        skills = result.get("skills", [])
        taxonomy = load_taxonomy()
        for hit in skills:
            hit.setdefault(
                "cluster", taxonomy[hit["skill_id"]].cluster if hit["skill_id"] in taxonomy else None
            )
        sections = ext.sections
        has_headings = bool(doc.user_data.get("has_headings"))
        levels = ai_involvement.hit_levels(
            skills, scan.text, scan.title_end, scan.line_starts, scan.line_index,
            lambda char: has_headings and level_at(sections, char) == REQUIRED,
            result.get("negated_skills", set()), title if named and header_title else None, CONTEXT_WORDS,
        )  # fmt: skip
        rule = ai_involvement.involvement(skills, levels, role in AI_ROLES)
        snippet = ai_involvement.snippet(
            skills, levels, scan.text, scan.title_end, scan.line_starts, scan.line_index
        )
        # The trained classifier decides where the rule reads sentences (AI skills named, a role
        # that is not AI by definition, not all of them negated or about hiring): the next
        # component, which batches its predictions; its 5-fold CV against the rule: make train.
        result["ai_involvement"] = rule
        if snippet and role not in AI_ROLES and rule in ai_involvement.MODEL_DECIDES:
            doc.user_data["ai_involvement_input"] = f"[role {role}]\n{snippet}"
        result["ai_involvement_rule"] = rule
        result["ai_snippet"] = snippet
        # "AI", "machine learning" in the employer's blurb or its hiring process are not skills the
        # posting names (LABELS.md: requirements, nice-to-haves or tech stack); named tools stay
        result["skills"] = [
            hit
            for hit, level in zip(skills, levels, strict=True)
            if not (hit["skill_id"] in CONTEXT_WORDS and level in ("mentioned", "none"))
            and not (hit["skill_id"] == "artificial_intelligence" and hit["matched_text"] == "AI")
            and not (hit["skill_id"] == "github" and APPLICATION_LINK.search(_around(scan.text, hit)))
        ]
        skills = result["skills"]
        for hit in skills:
            hit.pop("cluster", None)
        return doc

    return role_component


class AIInvolvementModel:
    """The trained ai_involvement classifier over the snippets the role component set aside, a
    batch of Docs at a time: one call per posting cost more in the model's overhead than in its
    arithmetic. Without a trained model (a checkout before ``make train``) the rule's label stays."""

    def __init__(self) -> None:
        self.model = textcat.load("ai_involvement")

    def _predict(self, docs: list[Doc]) -> None:
        pending = [doc for doc in docs if "ai_involvement_input" in doc.user_data]
        texts = [doc.user_data.pop("ai_involvement_input") for doc in pending]
        if self.model is None or not pending:
            return
        for doc, label in zip(pending, textcat.predict(self.model, texts), strict=True):
            doc._.result["ai_involvement"] = label

    def __call__(self, doc: Doc) -> Doc:
        self._predict([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self._predict(batch)
            yield from batch


@Language.factory("jobmarket_ai_involvement_model_v1")
def make_ai_involvement_model(nlp: Language, name: str) -> AIInvolvementModel:
    return AIInvolvementModel()
