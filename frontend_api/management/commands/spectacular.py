"""drf-spectacular's ``spectacular`` with English as the default ``--lang``.

Model choices and verbose names are translated (zh-hans is the default language),
so without a language the committed ``frontend_api/openapi.yaml`` would change with
the catalogue; the schema is written for developers, in English.
"""

from drf_spectacular.management.commands.spectacular import Command as Spectacular


class Command(Spectacular):
    def handle(self, *args, **options):
        options["lang"] = options.get("lang") or "en"
        return super().handle(*args, **options)
