"""Stored rich text → HTML for frontends, internal links rewritten to their paths.

Wagtail's own expansion links to ``page.url`` (an absolute frontend URL, see
``core.pages``). Here a page link becomes the frontend path of the
page's version in the reader's locale (the linked page itself when that is not
translated; a bare ``<a>`` when nothing live is left): the frontend serves it on
its own host. A document link becomes the absolute URL of the download endpoint
of docs/architecture.md and an embedded image's ``src`` an absolute URL, since
the API's host is not the frontend's. All page links of a set of texts are
resolved together, in two queries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape

from wagtail.models import Locale, Page
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from core.pages import page_frontend_path

from .media import absolute_url, document_download_path

RELATIVE_SRC = re.compile(r'(\s(?:src|srcset)=")(/[^"]*)"')


def _page_link_ids(html: str) -> set[int]:
    tags = LinkRewriter().extract_tags(html).get("page", [])
    return {int(tag.attrs["id"]) for tag in tags if tag.attrs.get("id", "").isdigit()}


def link_ids(sources: Iterable[str]) -> set[int]:
    """The ids of the pages these rich texts link to."""
    ids: set[int] = set()
    for html in sources:
        ids |= _page_link_ids(html or "")
    return ids


def _paths_in_locale(ids: set[int], locale: Locale) -> dict[int, str]:
    """Frontend path for each linked page id, preferring the version in ``locale``."""
    if not ids:
        return {}
    keys = dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    live = (
        Page.objects.live()
        .filter(translation_key__in=set(keys.values()))
        .select_related("locale")
    )
    by_key: dict[object, Page] = {}
    by_id = {}
    for page in live:
        by_id[page.pk] = page
        if page.locale_id == locale.pk:
            by_key[page.translation_key] = page
    paths = {}
    for pk, key in keys.items():
        page = by_key.get(key) or by_id.get(pk)
        if page is not None:
            paths[pk] = page_frontend_path(page)
    return paths


class RichTextRenderer:
    """Render many rich-text fields of one response with shared link lookups."""

    def __init__(
        self,
        sources: Iterable[str],
        locale: Locale,
        request=None,
        *,
        paths: dict[int, str] | None = None,
    ) -> None:
        """``paths``: the links' frontend paths when the caller read them
        (``cms.selectors.page_relatives_and_links`` of ``link_ids(sources)``)."""
        self.request = request
        self.paths = (
            paths if paths is not None else _paths_in_locale(link_ids(sources), locale)
        )
        embeds = features.get_embed_types()
        self.rewrite = MultiRuleRewriter(
            [
                LinkRewriter(
                    bulk_rules={
                        "page": self._page_links,
                        "document": self._document_links,
                    }
                ),
                EmbedRewriter(
                    bulk_rules={
                        kind: self._absolute(handler.expand_db_attributes_many)
                        for kind, handler in embeds.items()
                    }
                ),
            ]
        )

    def __call__(self, html: str) -> str:
        return self.rewrite(html or "")

    def _page_links(self, attrs_list: list[dict]) -> list[str]:
        out = []
        for attrs in attrs_list:
            page_id = attrs.get("id", "")
            path = self.paths.get(int(page_id)) if page_id.isdigit() else None
            out.append(f'<a href="{escape(path)}">' if path else "<a>")
        return out

    def _document_links(self, attrs_list: list[dict]) -> list[str]:
        return [
            '<a href="{}">'.format(
                escape(
                    absolute_url(self.request, document_download_path(int(attrs["id"])))
                )
            )
            if attrs.get("id", "").isdigit()
            else "<a>"
            for attrs in attrs_list
        ]

    def _absolute(
        self, expand: Callable[[list[dict]], list[str]]
    ) -> Callable[[list[dict]], list[str]]:
        """An embed handler whose site-relative ``src`` become absolute URLs."""

        def rule(attrs_list: list[dict]) -> list[str]:
            return [
                RELATIVE_SRC.sub(
                    lambda m: f'{m.group(1)}{absolute_url(self.request, m.group(2))}"',
                    html,
                )
                for html in expand(attrs_list)
            ]

        return rule
