"""Small trained text classifiers (spaCy ``textcat``, bag of words and n-grams) over the short
texts the rules pick out of a posting, trained from the real labelled development part.

A classifier reads what a rule has already narrowed down (the sentences an AI skill stands in,
with the rule's own reading of each), so it learns where the rule's wording cues mislead on real
postings without having to read whole postings. Models live in ``pipelines/models/<name>/``
(``nlp.to_disk``), are rebuilt by ``make train`` from the labels, and load lazily: a missing
model leaves the rule in charge.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

MODELS_DIR = Path(__file__).with_name("models")


def train(
    texts: list[str],
    labels: list[str],
    classes: list[str],
    seed: int = 0,
    epochs: int = 12,
    ngram_size: int = 1,
) -> Language:
    """A fresh exclusive-class bag-of-words textcat on ``texts``; reproducible for a seed. (On the
    AI-involvement snippets, unigrams did as well as bigrams or trigrams in cross-validation.)"""
    random.seed(seed)
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("en")
    config = {"model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
                        "ngram_size": ngram_size, "no_output_layer": False, "length": 65536}}  # fmt: skip
    textcat = nlp.add_pipe("textcat", config=config)
    for cls in classes:
        textcat.add_label(cls)
    examples = [
        Example.from_dict(doc_of(nlp, text), {"cats": {c: float(c == label) for c in classes}})
        for text, label in zip(texts, labels, strict=True)
    ]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(epochs):
        random.shuffle(examples)
        for start in range(0, len(examples), 16):
            nlp.update(examples[start : start + 16], sgd=optimizer, drop=0.2)
    return nlp


# The texts are split into words by one regular expression, not spaCy's rule tokenizer: a bag of
# words needs no more, and the tokenizer cost more than the classifier on snippets it had never seen.
WORDS = re.compile(r"\w+|[^\w\s]")


def doc_of(nlp: Language, text: str) -> Doc:
    return Doc(nlp.vocab, words=WORDS.findall(text.lower()) or [""])


def predict(nlp: Language, texts: list[str]) -> list[str]:
    textcat = nlp.get_pipe("textcat")
    return [max(doc.cats, key=doc.cats.get) for doc in textcat.pipe(doc_of(nlp, t) for t in texts)]


@lru_cache(maxsize=4)
def load(name: str) -> Language | None:
    path = MODELS_DIR / name
    return spacy.load(path) if (path / "meta.json").exists() else None


# the models the extraction pipeline reads (their content is part of the extractor version)
EXTRACTION_MODELS = ("ai_involvement",)


def fingerprint(names: tuple[str, ...] = EXTRACTION_MODELS) -> str:
    """A content hash of the extraction's shipped models: part of the extractor version."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(p for name in names for p in (MODELS_DIR / name).rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(MODELS_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
