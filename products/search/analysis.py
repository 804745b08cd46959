"""Text analysis for catalogue search: one set of rules for indexing and querying.

Wagtail's database backend treats a run of Chinese characters as one word and
splits ``5W-30`` into meaningless pieces. Here:

* text is NFKC-normalised (full-width ``５Ｗ－３０`` is ``5W-30``) and lower-cased;
* grades and codes are recognised first and reduced to one canonical term, so
  ``5w30``/``5W-30``/``SAE 5W-30`` are all ``5w30``, ``HM46``/``L-HM 46`` are
  ``hm46``, ``CK-4`` is ``ck4``, ``ISO VG 68``/``VG68`` is ``vg68``, ``NLGI 2`` is
  ``nlgi2``. When indexing, the pieces (``hm``, ``46``) are added too, so a query
  for ``46`` or ``L-HM`` still finds ``L-HM 46``;
* Chinese runs are segmented with jieba (own dictionary instance plus a few
  lubricant words): when indexing in *search mode* (every dictionary word inside a
  longer one: 抗磨液压油 → 抗磨, 液压, 液压油) and without the HMM (single characters
  of unknown words); when querying in accurate mode, each word with its
  HMM-free split as an alternative;
* other words are stemmed with the Snowball English stemmer (``oils`` → ``oil``);
  letter/digit runs keep their whole form (``hlp46``) and, in the index, their
  parts and hyphen-joined forms (``anti-wear`` → ``antiwear``).

Spans (term, start, end) refer to the original text, so the highlighter marks
exactly what matched.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

import jieba
import snowballstemmer

MAX_TERM_LENGTH = 64
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# Words jieba's dictionary lacks or splits in ways buyers do not (超润 is the brand).
DOMAIN_WORDS = [
    "超润",
    "润滑脂",
    "锂基脂",
    "复合锂基脂",
    "发动机油",
    "柴油机油",
    "汽油机油",
    "齿轮油",
    "液压油",
    "导热油",
    "导轨油",
    "链条油",
    "防锈油",
    "切削液",
    "全合成",
    "半合成",
    "重负荷",
    "极压",
    "抗磨",
    "食品级",
    "国六",
]
STOP_WORDS = frozenset(
    "a an and or of for the to in on with by at is are from as "
    "的 了 和 与 及 或 等".split()
)

_CLASSES = (
    "hh|hl|hm|hv|hg|hs|hfae|hfas|hfb|hfc|hfdr|hfdu|ckb|ckc|ckd|cke|ckg|ckh|ckj|"
    "daa|dab|dac|dra|drb|tsa|tse|tga|tgb|xba"
)
ISO_CLASSES = frozenset(_CLASSES.split("|"))
_NB = r"(?<![a-z0-9])"  # not glued to a preceding letter or digit
_NA = r"(?![a-z0-9])"


@dataclass(frozen=True)
class CodeRule:
    """A grade or code pattern and its canonical term."""

    name: str
    pattern: re.Pattern
    template: str  # format() with the match's groups
    # What a query for this code may also mean (format() with the groups too).
    also: tuple[str, ...] = ()

    def canonical(self, match: re.Match) -> str:
        return self.template.format(*match.groups())

    def alternatives(self, match: re.Match) -> list[tuple[str, ...]]:
        return [(template.format(*match.groups()),) for template in self.also]


CODE_RULES = [
    # SAE multigrades: 5W-30, 5w30, 5W 30, 80W-90, 85W-140
    CodeRule(
        "sae", re.compile(rf"{_NB}(\d{{1,2}})\s?w\s?-?\s?(\d{{2,3}})(?![0-9])"), "{}w{}"
    ),
    # ISO viscosity grades: ISO VG 68, VG68, VG-46
    CodeRule(
        "iso_vg", re.compile(rf"{_NB}(?:iso\s?)?vg\s?-?\s?(\d{{1,4}})(?![0-9])"), "vg{}"
    ),
    # ISO 6743 classes with a grade: L-HM 46, L-HM46, HM46, HM-46, L-CKD 220
    CodeRule(
        "iso_class",
        re.compile(rf"{_NB}(?:l\s?-\s?)?({_CLASSES})\s?-?\s?(\d{{2,4}})(?![0-9])"),
        "{}{}",
    ),
    # The same classes written with their L- prefix but no grade: L-HM, L-CKD
    CodeRule("iso_family", re.compile(rf"{_NB}l\s?-\s?([a-z]{{2,4}}){_NA}"), "{}"),
    # API service categories and gear classes: CK-4, CJ 4, FA-4, GL-5
    CodeRule(
        "api", re.compile(rf"{_NB}(c[a-z]|f[a-z]|gl|mt)\s?-?\s?(\d)(?![0-9.])"), "{}{}"
    ),
    # Grease consistency: NLGI 2, NLGI No. 2
    CodeRule(
        "nlgi", re.compile(rf"{_NB}nlgi\s?(?:no\.?\s?)?(\d{{1,3}})(?![0-9])"), "nlgi{}"
    ),
    # Trade grades written 2号, 2#, #2 (before or after the product word): a
    # grease's NLGI grade (2号润滑脂) or an oil's ISO VG (46号液压油), so a query
    # for one also finds products that give the grade the other way.
    CodeRule(
        "hao",
        re.compile(r"(?<![0-9.])(\d{1,3})\s?[号#]"),
        "{}号",
        also=("nlgi{}", "vg{}"),
    ),
    CodeRule(
        "hash",
        re.compile(r"(?<![0-9a-z])#\s?(\d{1,3})(?![0-9])"),
        "{}号",
        also=("nlgi{}", "vg{}"),
    ),
]

_PLAIN = re.compile(rf"(?P<cjk>[{CJK}]+)|(?P<num>\d+(?:\.\d+)+)|(?P<word>[^\W_{CJK}]+)")
_LETTERS_DIGITS = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True)
class Span:
    term: str
    start: int
    end: int


@dataclass
class QueryWord:
    """One word of a query: its term and alternative spellings, each a tuple of
    terms that must all match (``("重", "负荷")`` for 重负荷). ``raw`` is a Latin
    word as typed (before stemming), for typo correction."""

    term: str
    alternatives: list[tuple[str, ...]] = field(default_factory=list)
    raw: str = ""

    def __post_init__(self) -> None:
        if (self.term,) not in self.alternatives:
            self.alternatives.insert(0, (self.term,))


# --- Building blocks --------------------------------------------------------------


def normalise(text: str) -> str:
    """NFKC and lower case, character by character so offsets stay valid."""
    out = []
    for char in text:
        folded = unicodedata.normalize("NFKC", char).lower()
        if len(folded) != 1:
            folded = char.lower() if len(char.lower()) == 1 else char
        out.append(folded)
    return "".join(out)


_stemmer_local = threading.local()


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """English Snowball stem of a letters-only word; other words unchanged
    (memoised: a catalogue repeats its words, and stemming was a fifth of the
    index build)."""
    if not word.isalpha() or not word.isascii():
        return word
    stemmer = getattr(_stemmer_local, "stemmer", None)
    if stemmer is None:
        stemmer = _stemmer_local.stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


_tokenizer: jieba.Tokenizer | None = None
_tokenizer_lock = threading.Lock()


def tokenizer() -> jieba.Tokenizer:
    """Our own jieba instance (the global one stays untouched), loaded once."""
    global _tokenizer
    if _tokenizer is None:
        with _tokenizer_lock:
            if _tokenizer is None:
                jieba.setLogLevel(logging.WARNING)
                instance = jieba.Tokenizer()
                instance.initialize()
                for word in DOMAIN_WORDS:
                    instance.add_word(word, freq=200_000)
                _tokenizer = instance
    return _tokenizer


def _clip(term: str) -> str:
    return term[:MAX_TERM_LENGTH]


def _code_matches(text: str) -> list[tuple[re.Match, CodeRule]]:
    """Non-overlapping code matches, leftmost (then longest) first."""
    found = [
        (match, rule) for rule in CODE_RULES for match in rule.pattern.finditer(text)
    ]
    found.sort(key=lambda item: (item[0].start(), -(item[0].end() - item[0].start())))
    kept, last_end = [], 0
    for match, rule in found:
        if match.start() >= last_end:
            kept.append((match, rule))
            last_end = match.end()
    return kept


def _gaps(text: str) -> Iterator[tuple[int, int, tuple[re.Match, CodeRule] | None]]:
    """The text as alternating plain stretches and code matches."""
    position = 0
    for match, rule in _code_matches(text):
        if match.start() > position:
            yield position, match.start(), None
        yield match.start(), match.end(), (match, rule)
        position = match.end()
    if position < len(text):
        yield position, len(text), None


# --- Index side ----------------------------------------------------------------------


def index_spans(text: str, *, stemmed: bool = True) -> list[Span]:
    """Every term the index holds for ``text``, with where it comes from.

    ``stemmed=False`` gives the surface forms the prefix suggestions match.
    Memoised by text (summaries, categories and brands repeat across a
    catalogue).
    """
    return list(_index_spans(text, stemmed))


@functools.lru_cache(maxsize=8192)
def _index_spans(text: str, stemmed: bool) -> tuple[Span, ...]:
    norm = normalise(text)
    spans: list[Span] = []
    for start, end, code in _gaps(norm):
        if code is not None:
            match, rule = code
            spans.append(Span(_clip(rule.canonical(match)), start, end))
            for piece in _LETTERS_DIGITS.findall(match.group(0)):
                spans.append(Span(_clip(piece), start, end))
            continue
        spans += _plain_index_spans(norm[start:end], start, stemmed)
    return tuple(span for span in spans if span.term not in STOP_WORDS)


def _plain_index_spans(segment: str, offset: int, stemmed: bool) -> list[Span]:
    spans: list[Span] = []
    previous: re.Match | None = None
    conv = stem if stemmed else (lambda w: w)
    for match in _PLAIN.finditer(segment):
        start, end = offset + match.start(), offset + match.end()
        if match.group("cjk"):
            spans += _cjk_index_spans(match.group(0), start)
            previous = None
            continue
        word = match.group(0)
        spans.append(Span(_clip(conv(word)), start, end))
        pieces = _LETTERS_DIGITS.findall(word)
        if len(pieces) > 1:
            spans += [Span(_clip(conv(piece)), start, end) for piece in pieces]
        if previous is not None:
            gap = segment[previous.end() : match.start()]
            if gap in ("-", "/", "") or (gap == " " and _mixed(previous[0], word)):
                joined = previous.group(0) + word
                spans.append(Span(_clip(conv(joined)), offset + previous.start(), end))
        previous = match
    return spans


def _mixed(left: str, right: str) -> bool:
    """A letters word next to a number ("HLP 46"): one code written apart."""
    return left.isalpha() != right.isalpha()


def _cjk_index_spans(run: str, offset: int) -> list[Span]:
    jieba_ = tokenizer()
    spans = {
        Span(word, offset + start, offset + end)
        for word, start, end in jieba_.tokenize(run, mode="search")
    }
    spans |= {
        Span(word, offset + start, offset + end)
        for word, start, end in jieba_.tokenize(run, HMM=False)
    }
    return sorted(spans, key=lambda span: (span.start, span.end))


def index_terms(text: str) -> set[str]:
    return {span.term for span in index_spans(text)}


def surface_terms(text: str) -> list[str]:
    """Unstemmed index terms in order, for prefix matching."""
    seen: dict[str, None] = {}
    for span in index_spans(text, stemmed=False):
        seen.setdefault(span.term, None)
    return list(seen)


# --- Query side ----------------------------------------------------------------------


def query_words(text: str) -> list[QueryWord]:
    """The words of a query in order; every word must match (see ``QueryWord``)."""
    norm = normalise(text)
    words: list[QueryWord] = []
    for start, end, code in _gaps(norm):
        if code is not None:
            match, rule = code
            words.append(
                QueryWord(_clip(rule.canonical(match)), rule.alternatives(match))
            )
            continue
        for match in _PLAIN.finditer(norm[start:end]):
            if match.group("cjk"):
                words += _cjk_query_words(match.group(0))
            elif match.group(0) not in STOP_WORDS:
                word = match.group(0)
                words.append(QueryWord(_clip(stem(word)), raw=word))
    return words


def _cjk_query_words(run: str) -> list[QueryWord]:
    jieba_ = tokenizer()
    words = []
    for word in jieba_.lcut(run):
        if word in STOP_WORDS:
            continue
        alternatives = []
        if len(word) > 1:
            fine = tuple(w for w in jieba_.lcut(word, HMM=False) if w not in STOP_WORDS)
            if fine and fine != (word,):
                alternatives.append(fine)
        words.append(QueryWord(word, alternatives))
    return words


def prefix_terms(text: str) -> list[str]:
    """A search box's text as surface terms; the last one may be unfinished."""
    norm = normalise(text).rstrip(" -/")
    terms: list[str] = []
    for start, end, code in _gaps(norm):
        if code is not None:
            match, rule = code
            terms.append(_clip(rule.canonical(match)))
            continue
        for match in _PLAIN.finditer(norm[start:end]):
            if match.group("cjk"):
                terms += tokenizer().lcut(match.group(0))
            else:
                terms.append(_clip(match.group(0)))
    return [term for term in terms if term not in STOP_WORDS] or terms


# --- Pinyin ------------------------------------------------------------------------

_CJK_RUN = re.compile(f"[{CJK}]+")
MIN_INITIALS = 3
MAX_PINYIN_WORDS = 8  # words of one run combined into longer forms


def pinyin_forms(text: str, *, min_initials: int = MIN_INITIALS) -> list[str]:
    return list(_pinyin_forms(text, min_initials))


@functools.lru_cache(maxsize=8192)
def _pinyin_forms(text: str, min_initials: int) -> tuple[str, ...]:
    """How a buyer types the Chinese of ``text`` in Latin letters: the full
    pinyin without tones (液压油 → ``yeyayou``) and the initials (``yyy``) of
    every Chinese run and of each of its words of two characters or more, so
    ``chaorun``, ``kangmoyeyayou``, ``yeyayou`` and ``kmyyy`` all find
    超润 抗磨液压油. Words of one character are left out (too many homophones),
    and initials shorter than ``min_initials`` (two letters such as ``cy`` are
    also SKU prefixes; brands pass 2, so ``cr`` is 超润)."""
    from pypinyin import lazy_pinyin

    forms: dict[str, None] = {}
    for run in _CJK_RUN.findall(normalise(text)):
        words = {
            word
            for word, _start, _end in tokenizer().tokenize(run, mode="search")
            if len(word) > 1
        }
        # and every run of consecutive words (无锌 抗磨 液压油 → 抗磨液压油)
        pieces = tokenizer().lcut(run)[:MAX_PINYIN_WORDS]
        for start in range(len(pieces)):
            for end in range(start + 1, len(pieces) + 1):
                words.add("".join(pieces[start:end]))
        for word in sorted(words, key=lambda w: (-len(w), w)):
            if len(word) < 2:
                continue
            syllables = [s for s in lazy_pinyin(word, errors="ignore") if s.isascii()]
            if not syllables:
                continue
            forms.setdefault("".join(syllables), None)
            initials = "".join(s[0] for s in syllables)
            if len(initials) >= min_initials:
                forms.setdefault(initials, None)
    return tuple(forms)
