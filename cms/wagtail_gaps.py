"""Wagtail admin strings its own zh-hans catalogue leaves English.

Django looks in the project's catalogue (``LOCALE_PATHS``) before the apps', so
marking Wagtail's msgids here puts them in ``locale/zh_Hans`` (``make
messages``), where they are translated like ours; the Chinese admin then shows
no English on the screens staff use every day. Nothing imports this module:
``makemessages`` reads it. Remove an entry once Wagtail translates it.
"""

from django.utils.translation import gettext_noop

WAGTAIL_GAPS = [
    # the dashboard's search box and the account summary beside it
    gettext_noop("Search all pages…"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    # the sidebar
    gettext_noop("Shortcuts"),
    gettext_noop("Page types usage"),
]
