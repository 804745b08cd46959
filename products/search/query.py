"""A query as the index understands it: groups of alternatives, synonyms applied.

``"黄油 2号"`` with the synonym group 黄油 = 润滑脂 becomes two groups that must
both match: ``[("黄油",), ("润滑脂",)]`` and ``[("2号",)]``. An alternative is a
tuple of terms that must all occur (``("lubric", "greas")`` for "lubricating
grease"); a group matches when any of its alternatives does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from .analysis import QueryWord, query_words

# Given the query's words, the index terms that stand in for a misspelt one:
# ``{position: [term, …]}`` (see ``typos``).
Corrector = Callable[[list[QueryWord]], dict[int, list[str]]]

Alternative = tuple[str, ...]


@dataclass
class ParsedQuery:
    groups: list[list[Alternative]]
    text: str = ""

    @property
    def terms(self) -> list[str]:
        seen: dict[str, None] = {}
        for group in self.groups:
            for alternative in group:
                for term in alternative:
                    seen.setdefault(term, None)
        return list(seen)

    def __bool__(self) -> bool:
        return bool(self.groups)


def parse(
    text: str,
    synonym_groups: list[list[str]] | None = None,
    *,
    correct: Corrector | None = None,
) -> ParsedQuery:
    """``text``'s words as groups; a run of words that is one term of a synonym
    group (longest first) becomes one group holding every term of it. A word
    ``correct`` finds misspelt is replaced by its correction (one) or by a group
    of them (several), before synonyms apply (``hydrualic oil`` finds what
    ``hydraulic fluid`` finds)."""
    words = query_words(text)
    if correct is not None:
        words = _corrected(words, correct(words))
    phrases = _phrases(tuple(tuple(group) for group in synonym_groups or []))
    longest = max((len(key) for key in phrases), default=0)

    groups: list[list[Alternative]] = []
    position = 0
    while position < len(words):
        size, match = _longest_phrase(words, position, phrases, longest)
        if match is not None:
            groups.append(match)
            position += size
        else:
            groups.append(list(words[position].alternatives))
            position += 1
    return ParsedQuery(_dedupe(groups), text=text)


@lru_cache(maxsize=32)
def _phrases(
    synonym_groups: tuple[tuple[str, ...], ...],
) -> dict[tuple[str, ...], list[Alternative]]:
    """Each synonym term's words → the alternatives of its group. Analysing a
    lexicon of a few hundred terms costs tens of milliseconds, so it is done
    once per set of groups (the built-in lexicon plus the editors' rows; an
    editor's change makes a new set)."""
    phrases: dict[tuple[str, ...], list[Alternative]] = {}
    for group in synonym_groups:
        alternatives: list[Alternative] = []
        keys = []
        for term in group:
            term_words = query_words(term)
            if not term_words:
                continue
            key = tuple(word.term for word in term_words)
            keys.append(key)
            alternatives.append(key)
            if len(term_words) == 1:
                alternatives += term_words[0].alternatives[1:]
        for key in keys:
            phrases.setdefault(key, [])
            phrases[key] += [a for a in alternatives if a not in phrases[key]]
    return phrases


def _corrected(
    words: list[QueryWord], corrections: dict[int, list[str]]
) -> list[QueryWord]:
    out = list(words)
    for position, terms in corrections.items():
        if terms:
            first, *others = sorted(terms)
            out[position] = replace(
                words[position], term=first, alternatives=[(t,) for t in others]
            )
    return out


def _longest_phrase(
    words: list[QueryWord],
    position: int,
    phrases: dict[tuple[str, ...], list[Alternative]],
    longest: int,
) -> tuple[int, list[Alternative] | None]:
    for size in range(min(longest, len(words) - position), 0, -1):
        key = tuple(word.term for word in words[position : position + size])
        if key in phrases:
            alternatives = list(phrases[key])
            if size == 1:
                alternatives += [
                    a for a in words[position].alternatives if a not in alternatives
                ]
            return size, alternatives
    return 0, None


def _dedupe(groups: list[list[Alternative]]) -> list[list[Alternative]]:
    seen, out = set(), []
    for group in groups:
        key = frozenset(group)
        if key not in seen:
            seen.add(key)
            out.append(group)
    return out
