"""Site-wide operations: making sure the page tree every locale needs exists.

``site_tree_ensure()`` is the one place that knows the shape of the tree: a
``HomePage`` per locale (the English one a real Wagtail translation of the Chinese
source, a sibling under Root) with a ``ProductIndexPage`` (slug ``products``) and a
``GuideIndexPage`` (slug ``guides``) beneath each, both shown in menus (the API's
site navigation). Tests, ``seed_demo`` and the importer call it; it creates only
what is missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.models import HomePage
from cms.workflows import translation_review_ensure
from core.i18n import content_languages, source_language

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User
    from wagtail_localize.models import Translation

# Titles of the pages the tree needs, in each language, when they have to be made.
HOME_TITLES = {"zh-hans": "超润 Lubpur", "en": "Lubpur"}
SECTIONS = {
    # slug: (model path, {language: title})
    "products": (
        "products.ProductIndexPage",
        {"zh-hans": "产品中心", "en": "Products"},
    ),
    "guides": ("products.GuideIndexPage", {"zh-hans": "选油指南", "en": "Guides"}),
}


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _source_home(locale: Locale) -> HomePage:
    home = HomePage.objects.filter(locale=locale).order_by("path").first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = HomePage(title=HOME_TITLES[source_language()], slug="home", locale=locale)
    root.add_child(instance=home)
    _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save(update_fields=["root_page"])
    return home


def _translation(source: Page, locale: Locale, title: str) -> Page:
    """The page's version in ``locale``, made (and published) when missing."""
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = source.specific.copy_for_translation(locale)
    copy.title = title
    copy.draft_title = title
    return _publish(copy)


def _section(home: Page, slug: str, language: str) -> Page:
    model_path, titles = SECTIONS[slug]
    model = apps.get_model(model_path)
    existing = model.objects.child_of(home).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(
        title=titles[language], slug=slug, locale=home.locale, show_in_menus=True
    )
    home.add_child(instance=page)
    return _publish(page)


@transaction.atomic
def site_tree_ensure() -> dict[str, HomePage]:
    """Create whatever is missing of the per-locale tree; return homes by language.

    Idempotent: a second call creates nothing and returns the same pages.
    """
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in content_languages()
    }
    source_home = _source_home(locales[source_language()])
    homes: dict[str, HomePage] = {source_language(): source_home}
    sources = {
        slug: _section(source_home, slug, source_language()) for slug in SECTIONS
    }
    for code, locale in locales.items():
        if code == source_language():
            continue
        homes[code] = _translation(source_home, locale, HOME_TITLES.get(code, "Lubpur"))
        for slug, source in sources.items():
            _translation(source, locale, SECTIONS[slug][1].get(code, slug))
    # Sections were added through other instances: a caller that saved a stale
    # home (e.g. publishing a revision of it) would write numchild=0 back and
    # hide its children from the tree.
    for home in homes.values():
        home.refresh_from_db()
    translation_review_ensure(homes=list(homes.values()))
    return homes


class NoReviewWorkflow(Exception):
    """The page has no active review workflow to submit the translation to."""


@transaction.atomic
def translation_submit_for_review(*, translation: Translation, user: User) -> Page:
    """Save the translated text as a draft of the target page and put it in the
    page's review workflow (cms.workflows): started, resumed after "request
    changes", or — already in review — the reviewer sees the new draft, since
    approval publishes the latest revision. Nothing goes live here."""
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise NoReviewWorkflow
    page = page.specific
    workflow = page.get_workflow()
    if workflow is None:
        raise NoReviewWorkflow
    translation.save_target(user=user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    state = page.current_workflow_state
    if state is None:
        workflow.start(page, user)
    elif state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
    return page


@transaction.atomic
def translation_update_from_source(*, translation: Translation, user: User) -> None:
    """Take the source's current text into translation (wagtail-localize's
    "Sync translated pages" without its "publish immediately"): new and changed
    segments appear untranslated in the editor, unchanged ones keep their
    translation. The source page itself is not opened or changed."""
    source = translation.source
    source.update_from_db()
    source.update_target_view_restrictions(translation.target_locale)
