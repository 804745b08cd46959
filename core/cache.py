"""Tagged entries in Django's cache: O(1) invalidation on Redis and local memory.

Each cached API response registers under a few *tags* (``page:12``,
``type:products.productpage:en``, ``snippet:products.brand:<translation key>``).
Every tag has a token stored in the cache; an entry remembers the tokens its tags
had when it was computed, and is valid only while all of them still match.
Invalidating a tag replaces its token — one ``set``, whatever the number of
entries under it. A token evicted from the cache makes its entries miss (never
serve stale), because a fresh token never equals a remembered one.

Tag names (the signal handlers in ``delivery.cache_signals`` bump them):

* ``page:<id>`` / ``tk:<translation key>`` — one page / a page and its translations
* ``type:<app_label.model>:<locale>`` — the listings of one page type in a locale
* ``nav:<locale>`` — the main navigation; ``tree`` — every page path
* ``snippet:<app_label.model>`` and ``snippet:<app_label.model>:<translation key>``
  (``:<id>`` for snippets that are not translatable) — brands, categories, settings
* ``image:<id>``, ``document:<id>``, ``policies``
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.core.cache import cache
from django.db import transaction

TAG_PREFIX = "tag:"
ENTRY_PREFIX = "api:"


@lru_cache(maxsize=8192)  # a cached hit checks every tag of its entry
def _tag_key(tag: str) -> str:
    # Tags carry translation keys and locales; hash them into safe, short keys.
    return TAG_PREFIX + hashlib.blake2b(tag.encode(), digest_size=12).hexdigest()


def tag_tokens(tags: Iterable[str]) -> dict[str, str]:
    """The current token of each tag, creating the missing ones (two round trips
    at most: one ``get_many``, and ``add`` for tags never seen)."""
    tags = sorted(set(tags))
    keys = {_tag_key(tag): tag for tag in tags}
    found = cache.get_many(list(keys))
    tokens = {keys[key]: value for key, value in found.items()}
    for key, tag in keys.items():
        if key not in found:
            token = secrets.token_hex(6)
            # add(): if another process created it meanwhile, theirs wins.
            if not cache.add(key, token, timeout=None):
                token = cache.get(key) or token
            tokens[tag] = token
    return tokens


def invalidate(*tags: str) -> None:
    """Make every entry under ``tags`` stale now, and again when the current
    transaction commits (so a request that read the old rows before the commit
    cannot store them under the new tokens)."""
    if not tags:
        return

    def bump() -> None:
        cache.set_many(
            {_tag_key(tag): secrets.token_hex(6) for tag in set(tags)}, timeout=None
        )

    bump()
    transaction.on_commit(bump)


@dataclass(frozen=True)
class Entry:
    """A rendered response and the tag tokens it was computed under."""

    body: bytes
    etag: str
    content_type: str
    tokens: dict[str, str]


def entry_get(key: str) -> Entry | None:
    """The entry at ``key`` if none of its tags was invalidated since."""
    entry = cache.get(ENTRY_PREFIX + key)
    if not isinstance(entry, Entry):
        return None
    current = cache.get_many([_tag_key(tag) for tag in entry.tokens])
    for tag, token in entry.tokens.items():
        if current.get(_tag_key(tag)) != token:
            return None
    return entry


def entry_set(key: str, entry: Entry, *, timeout: int) -> None:
    cache.set(ENTRY_PREFIX + key, entry, timeout=timeout)
