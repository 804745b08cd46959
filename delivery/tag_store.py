"""``DatabaseTagStore``: the response cache's tag tokens (``core.cache``) in the
database, so that without Redis every process — each gunicorn worker, the task
worker, ``manage.py import_policy`` in a shell — sees an invalidation at once.

A cache hit reads its tags' tokens with one indexed ``SELECT … WHERE key IN``
(typically 2–6 rows); invalidating writes one row per tag inside the
transaction that changed the content, so the new content and the new tokens
become visible together when it commits.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from core.cache import new_token

from .models import CacheTagToken


class DatabaseTagStore:
    def get_many(self, keys: list[str]) -> dict[str, str]:
        if not keys:
            return {}
        return dict(
            CacheTagToken.objects.filter(key__in=keys).values_list("key", "token")
        )

    def add_many(self, tokens: dict[str, str]) -> dict[str, str]:
        CacheTagToken.objects.bulk_create(
            [CacheTagToken(key=key, token=token) for key, token in tokens.items()],
            ignore_conflicts=True,  # another process created it first: theirs wins
        )
        return self.get_many(list(tokens))

    def replace_many(self, keys: Iterable[str]) -> None:
        """One ``UPDATE`` (every key gets the same fresh token: what matters is
        that it differs from any remembered one), and one ``INSERT`` for keys
        no entry has used yet."""
        keys = sorted(set(keys))
        token = new_token()
        with transaction.atomic():
            updated = CacheTagToken.objects.filter(key__in=keys).update(token=token)
            if updated < len(keys):
                CacheTagToken.objects.bulk_create(
                    [CacheTagToken(key=key, token=token) for key in keys],
                    ignore_conflicts=True,
                )

    def delete_many(self, keys: Iterable[str]) -> None:
        CacheTagToken.objects.filter(key__in=list(keys)).delete()
