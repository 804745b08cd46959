"""One typo forgiven in a Latin word of five letters or more.

``hydrualic``, ``hydrulic``, ``hydraullic`` and ``hydraolic`` are each one edit
(a letter swapped with its neighbour, dropped, added or replaced) from
``hydraulic``. When such a query word is not in the index at all, the words of
the index one edit away (stemmed like every term) stand in for it: one query
(``term IN (…)`` on the index of (locale, term)) looks all candidates of a query
up at once. A word the index holds is never corrected, so correct spelling
never loses precision; shorter words and codes (``hm46``, ``ck4``) are never
corrected, as one edit turns them into other valid codes.
"""

from __future__ import annotations

from string import ascii_lowercase

from .analysis import QueryWord, stem

MIN_LETTERS = 5
MAX_WORDS = 6  # at most this many words of one query are looked up


def correctable(word: QueryWord) -> bool:
    raw = word.raw
    return len(raw) >= MIN_LETTERS and raw.isascii() and raw.isalpha()


def edits(word: str) -> set[str]:
    """Every string one edit (Damerau–Levenshtein) away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    swaps = {
        left + right[1] + right[0] + right[2:]
        for left, right in splits
        if len(right) > 1 and right[0] != right[1]
    }
    replaces = {
        left + char + right[1:]
        for left, right in splits
        if right
        for char in ascii_lowercase
        if char != right[0]
    }
    inserts = {
        left + char + right for left, right in splits for char in ascii_lowercase
    }
    return (deletes | swaps | replaces | inserts) - {word}


def candidates(word: QueryWord) -> set[str]:
    """The stemmed terms one typo away from ``word`` (not yet checked against
    the index)."""
    return {stem(variant) for variant in edits(word.raw)} - {word.term}
