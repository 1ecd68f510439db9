"""The SkillSpan benchmark (Zhang et al., NAACL 2022): read its CoNLL splits, score span predictions,
and train a small span model on its KNOWLEDGE column.

The splits are read at run time from ``../shared/skillspan`` beside the checkout (or the folder
``$JOBMARKET_SHARED/skillspan``); they are never copied into the repository. Each sentence is a list
of tokens with two BIO columns: skill spans (what a person does) and knowledge spans (what a person
knows). jobmarket's taxonomy names knowledge, so the primary figure is span-level exact-match
precision, recall and F1 on the knowledge column; the union of both columns is scored too.

Three systems map sentences to predicted token spans ``(start, end)`` (end exclusive):

- ``dictionary``: every name and alias of the taxonomy, matched case-insensitively on token
  boundaries, longest match first. What the taxonomy alone covers.
- ``extractor``: the project's own extraction (``pipelines.nlp``), its character offsets mapped back
  to tokens. What the production pipeline finds.
- ``model``: a spaCy NER component trained here on the knowledge spans of the two TRAIN splits
  (never dev), on ``spacy.blank("en")`` with a tokenizer that keeps SkillSpan's tokens.
- ``model+dictionary``: the model's spans plus the dictionary's where they overlap none of the
  model's: more recall for less precision, about the same F1.

    python -m pipelines.skillspan train       # writes pipelines/models/skillspan_knowledge/
    python -m pipelines.skillspan evaluate    # the table: every system on tech dev and house dev
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import minibatch
from spacy.vocab import Vocab
from thinc.api import Adam

REPO = Path(__file__).resolve().parents[1]
MODEL_DIR = Path(__file__).with_name("models") / "skillspan_knowledge"
SPLITS = ("tech_train", "house_train", "tech_dev", "house_dev")
LABEL = "KNOWLEDGE"

Span = tuple[int, int]  # token offsets, end exclusive


def shared_dir(repo: Path = REPO) -> Path:
    """Where the SkillSpan splits are: ``$JOBMARKET_SHARED/skillspan`` if the variable is set (CI and
    other checkouts point it at their shared folder), else ``../shared/skillspan`` beside the repo."""
    root = os.environ.get("JOBMARKET_SHARED")
    return Path(root) / "skillspan" if root else repo / ".." / "shared" / "skillspan"


# ---------------------------------------------------------------- reading


@dataclass
class Sentence:
    """One SkillSpan sentence: its tokens and the gold spans of each column."""

    tokens: list[str]
    knowledge: list[Span] = field(default_factory=list)
    skill: list[Span] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text every system sees: the tokens joined by single spaces."""
        return " ".join(self.tokens)

    @property
    def union(self) -> list[Span]:
        """Skill and knowledge spans together, unlabelled: a span in both columns counts once."""
        return sorted(set(self.knowledge) | set(self.skill))


def bio_spans(tags: Sequence[str]) -> list[Span]:
    """Spans of a BIO column. An ``I-`` that follows ``O`` starts a span (as seqeval's lenient mode
    reads it) rather than being dropped, so no gold token is lost to an annotation slip."""
    spans: list[Span] = []
    start: int | None = None
    for i, tag in enumerate(tags):
        if tag.startswith("B") or (tag.startswith("I") and start is None):
            if start is not None:
                spans.append((start, i))
            start = i
        elif not tag.startswith("I") and start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(tags)))
    return spans


def parse_conll(text: str) -> list[Sentence]:
    """Sentences of a CoNLL text: ``token<TAB>skill-tag<TAB>knowledge-tag`` lines, a blank line between
    sentences. A run of blank lines is one break (the dev splits have a few), so a split holds fewer
    sentences than blank lines."""
    sentences: list[Sentence] = []
    rows: list[list[str]] = []

    def close() -> None:
        if rows:
            sentences.append(
                Sentence(
                    tokens=[r[0] for r in rows],
                    skill=bio_spans([r[1] for r in rows]),
                    knowledge=bio_spans([r[2] for r in rows]),
                )
            )
            rows.clear()

    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            close()
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"line {number}: expected token, skill tag, knowledge tag; got {line!r}")
        rows.append(parts)
    close()
    return sentences


def read_split(name: str, folder: Path | None = None) -> list[Sentence]:
    """One split by name (``tech_dev``, ``house_train``, ...), from the shared folder."""
    if name not in SPLITS:
        raise ValueError(f"unknown split {name!r}; one of {', '.join(SPLITS)}")
    path = (folder or shared_dir()) / f"skillspan_{name}.conll"
    return parse_conll(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Score:
    """Span-level exact match: a predicted span counts only if both its ends are a gold span's."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Sequence[Iterable[Span]], predicted: Sequence[Iterable[Span]]) -> Score:
    """Micro-averaged over all sentences; duplicate spans within a sentence count once."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    tp = fp = fn = 0
    for g, p in zip(gold, predicted, strict=True):
        g_set, p_set = set(g), set(p)
        tp += len(g_set & p_set)
        fp += len(p_set - g_set)
        fn += len(g_set - p_set)
    return Score(tp, fp, fn)


def token_starts(tokens: Sequence[str]) -> list[int]:
    """The character offset of each token in the sentence text (tokens joined by single spaces)."""
    starts, offset = [], 0
    for token in tokens:
        starts.append(offset)
        offset += len(token) + 1
    return starts


def char_to_token_span(tokens: Sequence[str], start: int, end: int) -> Span | None:
    """The tokens a character span ``[start, end)`` of the sentence text touches (expanded to whole
    tokens, as spaCy's ``alignment_mode="expand"``), or None if it touches none."""
    covered = [
        i
        for i, s in enumerate(token_starts(tokens))
        if s < end and start < s + len(tokens[i]) and tokens[i]  # overlaps the token
    ]
    return (covered[0], covered[-1] + 1) if covered else None


# ---------------------------------------------------------------- systems


def longest_first(candidates: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans, the longest taken first (then the leftmost)."""
    chosen: list[Span] = []
    taken: set[int] = set()
    for start, end in sorted(set(candidates), key=lambda s: (s[0] - s[1], s[0])):
        if not taken.intersection(range(start, end)):
            chosen.append((start, end))
            taken.update(range(start, end))
    return sorted(chosen)


@lru_cache(maxsize=1)
def taxonomy_forms() -> frozenset[str]:
    """Every lower-cased name and alias of the taxonomy, inner whitespace as single spaces."""
    from pipelines.skills import load_taxonomy

    return frozenset(" ".join(form.split()) for s in load_taxonomy().values() for form in s.written_forms)


def dictionary_spans(tokens: Sequence[str], forms: frozenset[str] | None = None) -> list[Span]:
    """Taxonomy forms that start and end on token boundaries of the sentence text."""
    forms = taxonomy_forms() if forms is None else forms
    longest, first_words = form_shape(forms)
    lower = [t.lower() for t in tokens]
    candidates = [
        (i, j)
        for i in range(len(lower))
        if lower[i] in first_words
        for j in range(i + 1, min(len(lower), i + longest) + 1)
        if " ".join(lower[i:j]) in forms
    ]
    return longest_first(candidates)


@lru_cache(maxsize=4)
def form_shape(forms: frozenset[str]) -> tuple[int, frozenset[str]]:
    """The most words a form has, and the words forms start with: only spans starting with one of
    those are looked up, which makes the dictionary as fast as the extractor."""
    return max((f.count(" ") + 1 for f in forms), default=0), frozenset(f.split(" ")[0] for f in forms)


def predict_dictionary(sentences: Sequence[Sentence]) -> list[list[Span]]:
    forms = taxonomy_forms()
    return [dictionary_spans(s.tokens, forms) for s in sentences]


def to_sentence_offsets(produced: str, original: str) -> Callable[[int, int], tuple[int, int] | None]:
    """A map from character spans of ``produced`` (the extractor's text: the sentence after HTML
    clean-up, which drops ``<ORGANIZATION>``-like placeholders as tags, unescapes entities and
    squeezes spaces) back to character spans of ``original``."""
    if produced == original:
        return lambda start, end: (start, end)
    position: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, produced, original, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            position[a + k] = b + k

    def mapped(start: int, end: int) -> tuple[int, int] | None:
        inside = [position[k] for k in range(start, end) if k in position]
        return (inside[0], inside[-1] + 1) if inside else None

    return mapped


def predict_extractor(sentences: Sequence[Sentence], nlp: Language | None = None) -> list[list[Span]]:
    """The production extraction, one sentence as one posting's description (no title, so the
    offsets start at the description; they are still mapped through its clean-up)."""
    from pipelines.nlp import build_nlp, extract_many

    nlp = nlp or build_nlp()
    records = [{"id": i, "title": None, "description": s.text} for i, s in enumerate(sentences)]
    predicted: list[list[Span]] = []
    for sentence, out in zip(sentences, extract_many(records, nlp=nlp), strict=True):
        back = to_sentence_offsets(out["text"], sentence.text)
        spans = []
        for hit in out["skills"]:
            chars = back(hit["start"], hit["end"])
            token_span = chars and char_to_token_span(sentence.tokens, *chars)
            if token_span:
                spans.append(token_span)
        predicted.append(longest_first(spans))
    return predicted


class TokensKept:
    """A tokenizer that keeps the given tokens: the sentence text split on its single spaces. The model
    is trained on SkillSpan's tokens, so it must see the same ones at run time."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return Doc(self.vocab, words=text.split())

    # Nothing to save: spaCy serialises the tokenizer with the pipeline, so these must exist.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> TokensKept:
        return self

    def to_disk(self, path: Path, **kwargs) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: Path, **kwargs) -> TokensKept:
        return self


@spacy.registry.tokenizers("jobmarket.tokens_kept.v1")
def create_tokens_kept():
    def make(nlp: Language) -> TokensKept:
        return TokensKept(nlp.vocab)

    return make


# A small CNN: hashed embeddings of four lexical features, four residual convolution layers of width
# 96 and a transition-based NER head. No pretrained vectors: none can be had here, and the model must
# stay a few MB to ship with the package. Measured against it on the held-out slice of train (F1 0.581
# at its best epoch), none of these won by more than the noise between two seeds (about 0.03 on dev),
# so the plainest stays: spancat_singlelabel with n-grams of 1-6 tokens (0.564, and 2.5 times the
# training time), a character embedding beside the hashed ones (0.578), a taxonomy-match feature
# (0.589, but it would tie the model to taxonomy.csv as it changes), both (0.583), dropout 0.1 (with
# the feature: 0.585), twice the hash rows (0.553), running averages of the weights (0.567).
TOK2VEC = {
    "@architectures": "spacy.Tok2Vec.v2",
    "embed": {
        "@architectures": "spacy.MultiHashEmbed.v2",
        "width": 96,
        "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
        "rows": [5000, 2500, 2500, 2500],
        "include_static_vectors": False,
    },
    "encode": {
        "@architectures": "spacy.MaxoutWindowEncoder.v2",
        "width": 96,
        "depth": 4,
        "window_size": 1,
        "maxout_pieces": 3,
    },
}
NER_MODEL = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "tok2vec": TOK2VEC,
}


def blank_model() -> Language:
    """``spacy.blank("en")`` with the token-keeping tokenizer and an untrained NER component."""
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "jobmarket.tokens_kept.v1"}}})
    nlp.add_pipe("ner", config={"model": NER_MODEL})
    return nlp


def load_model(path: Path = MODEL_DIR) -> Language:
    """The trained model (importing this module registers its tokenizer, which loading needs)."""
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(f"{path}: no trained model; run `python -m pipelines.skillspan train`")
    return spacy.load(path)


def predict_model(sentences: Sequence[Sentence], nlp: Language, batch_size: int = 256) -> list[list[Span]]:
    """The model's entities, on SkillSpan's own tokens."""
    docs = (Doc(nlp.vocab, words=s.tokens) for s in sentences)
    return [[(e.start, e.end) for e in doc.ents] for doc in nlp.pipe(docs, batch_size=batch_size)]


def union_spans(first: Sequence[Span], second: Sequence[Span]) -> list[Span]:
    """``first`` and those spans of ``second`` that overlap none of ``first``."""
    taken = {i for s, e in first for i in range(s, e)}
    return sorted([*first, *(span for span in second if not taken.intersection(range(*span)))])


def predict_model_dictionary(sentences: Sequence[Sentence], nlp: Language) -> list[list[Span]]:
    """The model's spans, plus the dictionary's where the model found nothing overlapping."""
    return [
        union_spans(m, d)
        for m, d in zip(predict_model(sentences, nlp), predict_dictionary(sentences), strict=True)
    ]


# ---------------------------------------------------------------- training

SEED = 20261203
HELD_OUT = 0.1  # the slice of TRAIN that picks the epoch; dev is never seen in training


def to_example(nlp: Language, sentence: Sentence) -> Example:
    doc = Doc(nlp.vocab, words=sentence.tokens)
    entities = ["O"] * len(sentence.tokens)
    # Knowledge spans do not nest within their column, but be safe: the longest wins an overlap.
    for start, end in longest_first(sentence.knowledge):
        entities[start] = f"B-{LABEL}"
        for i in range(start + 1, end):
            entities[i] = f"I-{LABEL}"
    return Example(doc, Doc(nlp.vocab, words=sentence.tokens, ents=entities))


def split_train(sentences: Sequence[Sentence], seed: int = SEED) -> tuple[list[Sentence], list[Sentence]]:
    """A seeded shuffle of TRAIN cut into (fit, held out)."""
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    cut = int(len(order) * HELD_OUT)
    return [sentences[i] for i in order[cut:]], [sentences[i] for i in order[:cut]]


def train(
    output: Path = MODEL_DIR,
    folder: Path | None = None,
    max_epochs: int = 40,
    patience: int = 6,
    dropout: float = 0.2,
    batch_size: int = 32,
    learn_rate: float = 0.001,
    averages: bool = False,
    seed: int = SEED,
    log: Callable[[str], None] = print,
) -> dict[str, float]:
    """Train on the tech and house TRAIN splits with a seeded 10% of them held out; after each epoch
    score knowledge F1 on the held-out slice, keep the best epoch's weights, stop after ``patience``
    epochs without a gain, and write the best to ``output``."""
    spacy.util.fix_random_seed(seed)
    train_sentences = read_split("tech_train", folder) + read_split("house_train", folder)
    fit, held_out = split_train(train_sentences, seed)
    nlp = blank_model()
    examples = [to_example(nlp, s) for s in fit]
    # spaCy's default optimizer settings. Running averages of the weights scored no better on the
    # held-out slice (0.567 against 0.581), so they are off, as in spaCy's default config.
    adam = Adam(learn_rate, L2=0.01, L2_is_weight_decay=True, grad_clip=1.0, use_averages=averages)
    optimizer = nlp.initialize(lambda: examples, sgd=adam)
    rng = random.Random(seed)
    best_f1, best_epoch, best_bytes = -1.0, 0, b""
    started = time.perf_counter()
    for epoch in range(1, max_epochs + 1):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=batch_size):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages or {}):
            held = score([s.knowledge for s in held_out], predict_model(held_out, nlp))
            gain = held.f1 > best_f1
            if gain:
                best_f1, best_epoch, best_bytes = held.f1, epoch, nlp.to_bytes()
        log(
            f"epoch {epoch:2d}  loss {sum(losses.values()):8.1f}  held-out P {held.precision:.3f} "
            f"R {held.recall:.3f} F1 {held.f1:.3f}{'  *' if gain else ''}  ({time.perf_counter() - started:.0f} s)"
        )
        if epoch - best_epoch >= patience:
            break
    nlp.from_bytes(best_bytes)
    if output.exists():
        shutil.rmtree(output)
    nlp.meta.update(
        {
            "name": "skillspan_knowledge",
            "version": "1.0.0",
            "description": "Knowledge spans (SkillSpan's KNOWLEDGE column), trained on its tech and house "
            f"train splits; epoch {best_epoch} picked on a held-out {HELD_OUT:.0%} of train.",
            "sources": [
                {"name": "SkillSpan", "url": "https://github.com/kris927b/SkillSpan", "license": "MIT"}
            ],
        }
    )
    nlp.to_disk(output)
    seconds = time.perf_counter() - started
    size = sum(p.stat().st_size for p in output.rglob("*") if p.is_file())
    log(f"best epoch {best_epoch} (held-out F1 {best_f1:.3f}); {seconds:.0f} s; {output} {size / 1e6:.1f} MB")
    return {"best_epoch": best_epoch, "held_out_f1": best_f1, "seconds": seconds, "bytes": size}


# ---------------------------------------------------------------- evaluation


@dataclass(frozen=True)
class Result:
    system: str
    split: str
    knowledge: Score
    union: Score
    sentences_per_second: float


def systems(model: Language | None) -> dict[str, Callable[[Sequence[Sentence]], list[list[Span]]]]:
    """Every system by name; the model's two only when a trained model is given."""
    from pipelines.nlp import build_nlp

    extractor_nlp = build_nlp()
    found: dict[str, Callable[[Sequence[Sentence]], list[list[Span]]]] = {
        "dictionary": predict_dictionary,
        "extractor": lambda sentences: predict_extractor(sentences, extractor_nlp),
    }
    if model is not None:
        found["model"] = lambda sentences: predict_model(sentences, model)
        found["model+dictionary"] = lambda sentences: predict_model_dictionary(sentences, model)
    return found


def evaluate(
    splits: Sequence[str] = ("tech_dev", "house_dev"),
    folder: Path | None = None,
    model: Language | None = None,
) -> list[Result]:
    """Each system on each split. Throughput is timed after a warm-up call on a few sentences, so that
    loading the taxonomy and the automaton is not counted."""
    results = []
    for_systems = systems(model)
    for split in splits:
        sentences = read_split(split, folder)
        for name, predict in for_systems.items():
            predict(sentences[:20])
            started = time.perf_counter()
            predicted = predict(sentences)
            seconds = time.perf_counter() - started
            results.append(
                Result(
                    system=name,
                    split=split,
                    knowledge=score([s.knowledge for s in sentences], predicted),
                    union=score([s.union for s in sentences], predicted),
                    sentences_per_second=len(sentences) / seconds,
                )
            )
    return results


def table(results: Sequence[Result]) -> str:
    lines = [
        f"{'split':<10} {'system':<17} {'know P':>7} {'know R':>7} {'know F1':>7}   "
        f"{'union P':>7} {'union R':>7} {'union F1':>8}   {'sent/s':>8}"
    ]
    for r in results:
        k, u = r.knowledge, r.union
        lines.append(
            f"{r.split:<10} {r.system:<17} {k.precision:7.3f} {k.recall:7.3f} {k.f1:7.3f}   "
            f"{u.precision:7.3f} {u.recall:7.3f} {u.f1:8.3f}   {r.sentences_per_second:8,.0f}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipelines.skillspan", description=__doc__.split("\n\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    train_cmd = commands.add_parser("train", help="train the knowledge model on the TRAIN splits")
    train_cmd.add_argument("--output", type=Path, default=MODEL_DIR)
    train_cmd.add_argument("--max-epochs", type=int, default=40)
    train_cmd.add_argument("--patience", type=int, default=6)
    eval_cmd = commands.add_parser("evaluate", help="every system on tech dev and house dev")
    eval_cmd.add_argument("--model", type=Path, default=MODEL_DIR)
    args = parser.parse_args(argv)

    folder = shared_dir()
    if not folder.is_dir():
        print(
            f"{folder}: no SkillSpan splits here (set JOBMARKET_SHARED to the shared folder)", file=sys.stderr
        )
        return 2
    if args.command == "train":
        train(args.output, folder, max_epochs=args.max_epochs, patience=args.patience)
        return 0
    model = load_model(args.model) if (args.model / "config.cfg").exists() else None
    if model is None:
        print(f"{args.model}: no trained model; scoring the rule systems only", file=sys.stderr)
    print("SkillSpan dev splits, span-level exact match; knowledge is the primary figure")
    print(table(evaluate(folder=folder, model=model)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
