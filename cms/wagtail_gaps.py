"""Wagtail admin strings its own zh-hans catalogue leaves English.

Django looks in the project's catalogue (``LOCALE_PATHS``) before the apps', so
marking Wagtail's msgids here puts them in ``locale/zh_Hans`` (``make
messages``), where they are translated like ours; the Chinese admin then shows
no English on the screens staff use every day. Nothing imports this module:
``makemessages`` reads it. Remove an entry once Wagtail translates it.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

WAGTAIL_GAPS = [
    # the dashboard's search box and the account summary beside it
    gettext_noop("Search all pages…"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    # the page editor when a save is refused
    gettext_noop("The page could not be created due to validation errors."),
    gettext_noop("The page could not be saved due to validation errors."),
    gettext_noop("Go to the first error"),
    gettext_noop("Save your changes before leaving"),
    # the sidebar
    gettext_noop("Shortcuts"),
    gettext_noop("Page types usage"),
]

# The dashboard's site summary (Wagtail's templates, ``blocktrans count``).
SITE_SUMMARY = [
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "counter",
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "counter",
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        "counter",
    ),
]
