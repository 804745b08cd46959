"""The response cache's invalidation state when no shared cache holds it
(``delivery.tag_store``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CacheTagToken(models.Model):
    """The current token of one cache tag (``core.cache``): replacing it makes
    every cached response under the tag stale, in every process at once."""

    key = models.CharField(_("key"), max_length=40, primary_key=True)
    token = models.CharField(_("token"), max_length=16)

    class Meta:
        verbose_name = _("cache tag token")
        verbose_name_plural = _("cache tag tokens")

    def __str__(self) -> str:
        return self.key
