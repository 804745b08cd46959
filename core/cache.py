"""Tagged entries in Django's cache: O(1) invalidation, coherent across processes.

Each cached API response registers under a few *tags* (``page:12``,
``type:products.productpage:en``, ``snippet:products.brand:<translation key>``).
Every tag has a token; an entry remembers the tokens its tags had when it was
computed, and is valid only while all of them still match. Invalidating a tag
replaces its token — one write, whatever the number of entries under it. A token
that is gone makes its entries miss (never serve stale), because a fresh token
never equals a remembered one.

The entries live in Django's default cache; the tokens live in the *tag store*
(``settings.API_CACHE["TAG_STORE"]``), which every process must share, or a
change made by one process (an editor's publish in a gunicorn worker,
``manage.py import_policy`` in a shell) would stay invisible to the others:

* ``core.cache.CacheTagStore`` — the tokens in the default cache too: with
  Redis (``REDIS_URL``) a hit costs one ``GET`` and one ``MGET``, no query.
* ``delivery.tag_store.DatabaseTagStore`` — the tokens in a database table,
  the default without Redis: the entries stay in each process's local memory,
  and a hit costs one indexed ``SELECT`` of a handful of rows; a write is in
  the same transaction as the content it invalidates.

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
from typing import Protocol

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.module_loading import import_string

TAG_PREFIX = "tag:"
ENTRY_PREFIX = "api:"


@lru_cache(maxsize=8192)  # a cached hit checks every tag of its entry
def tag_key(tag: str) -> str:
    """Tags carry translation keys and locales; hash them into safe, short keys."""
    return TAG_PREFIX + hashlib.blake2b(tag.encode(), digest_size=12).hexdigest()


_tag_key = tag_key  # the name tests and older callers use


def new_token() -> str:
    return secrets.token_hex(6)


class TagStore(Protocol):
    """Where the tokens live; keys are ``tag_key(tag)``."""

    def get_many(self, keys: list[str]) -> dict[str, str]:
        """The tokens that exist, in one round trip."""

    def add_many(self, tokens: dict[str, str]) -> dict[str, str]:
        """Create the missing tokens; a token another process created first
        wins. Returns the token of every key."""

    def replace_many(self, keys: Iterable[str]) -> None:
        """Give every key a fresh token."""

    def delete_many(self, keys: Iterable[str]) -> None:
        """Forget the tokens (their entries miss, as after an eviction)."""


class CacheTagStore:
    """The tokens in Django's default cache (shared when it is Redis)."""

    def get_many(self, keys: list[str]) -> dict[str, str]:
        return cache.get_many(keys)

    def add_many(self, tokens: dict[str, str]) -> dict[str, str]:
        result = {}
        for key, token in tokens.items():
            # add(): if another process created it meanwhile, theirs wins.
            if not cache.add(key, token, timeout=None):
                token = cache.get(key) or token
            result[key] = token
        return result

    def replace_many(self, keys: Iterable[str]) -> None:
        cache.set_many({key: new_token() for key in keys}, timeout=None)

    def delete_many(self, keys: Iterable[str]) -> None:
        cache.delete_many(list(keys))


_stores: dict[str, TagStore] = {}


def tag_store() -> TagStore:
    path = settings.API_CACHE.get("TAG_STORE") or "core.cache.CacheTagStore"
    if path not in _stores:
        _stores[path] = import_string(path)()
    return _stores[path]


def tag_tokens(tags: Iterable[str]) -> dict[str, str]:
    """The current token of each tag, creating the missing ones (two round trips
    at most: one read, and one create for tags never seen)."""
    tags = sorted(set(tags))
    if not tags:
        return {}
    keys = {tag_key(tag): tag for tag in tags}
    store = tag_store()
    found = store.get_many(list(keys))
    missing = {key: new_token() for key in keys if key not in found}
    if missing:
        found = {**found, **store.add_many(missing)}
    return {keys[key]: value for key, value in found.items()}


def invalidate(*tags: str) -> None:
    """Make every entry under ``tags`` stale now, and again when the current
    transaction commits (so a request that read the old rows before the commit
    cannot store them under the new tokens)."""
    if not tags:
        return
    keys = sorted({tag_key(tag) for tag in tags})
    store = tag_store()

    def bump() -> None:
        store.replace_many(keys)

    bump()
    transaction.on_commit(bump)


def forget(*tags: str) -> None:
    """Drop the tokens of ``tags``, as an eviction would."""
    tag_store().delete_many(tag_key(tag) for tag in tags)


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
    current = tag_store().get_many([tag_key(tag) for tag in entry.tokens])
    for tag, token in entry.tokens.items():
        if current.get(tag_key(tag)) != token:
            return None
    return entry


def entry_set(key: str, entry: Entry, *, timeout: int) -> None:
    cache.set(ENTRY_PREFIX + key, entry, timeout=timeout)
