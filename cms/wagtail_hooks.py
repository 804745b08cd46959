"""Translators translate and submit for review (cms.admin_translations); they
never delete, unpublish or turn a translation into an alias of its source
(which made the live English policy a mirror of the Chinese page). Their group
holds only "change" on pages, but wagtail-localize offers "Convert to alias
page" to anyone who may edit the translation, and the delete/unpublish views
are reachable by URL: these hooks refuse all three for a member of Translators
who is not also an editor or in Legal, and take the buttons out of the page
action menu.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks

from cms import admin_translations
from cms.admin_translations import translator_only

REFUSED_MENU_ITEMS = {"action-unpublish", "action-delete", "localize-convert-to-alias"}


def _refused(request, page):
    messages.error(
        request,
        _("Translators cannot delete, unpublish or convert a translation to an alias."),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_delete_page")
def translators_do_not_delete(request, page):
    return _refused(request, page) if translator_only(request.user) else None


@hooks.register("before_unpublish_page")
def translators_do_not_unpublish(request, page):
    return _refused(request, page) if translator_only(request.user) else None


@hooks.register("construct_page_action_menu")
def translators_menu(menu_items, request, context):
    if translator_only(request.user):
        menu_items[:] = [
            item for item in menu_items if item.name not in REFUSED_MENU_ITEMS
        ]


@hooks.register("register_admin_urls", order=-1)
def guard_convert_to_alias():
    """Matched before wagtail-localize's own URLs (registered later, same paths);
    and the translation editor's review panel actions."""
    from wagtail_localize.views.convert import convert_to_alias

    def guarded(request, page_id):
        if translator_only(request.user):
            raise PermissionDenied
        return convert_to_alias(request, page_id)

    return [
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            guarded,
            name="lubpur_guarded_convert_to_alias",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            admin_translations.GuardedUpdateTranslationsView.as_view(),
            name="lubpur_guarded_update_translations",
        ),
        path(
            "translations/<int:translation_id>/submit-for-review/",
            admin_translations.submit_for_review,
            name="lubpur_translation_submit",
        ),
        path(
            "translations/<int:translation_id>/update-from-source/",
            admin_translations.update_from_source,
            name="lubpur_translation_update",
        ),
    ]
