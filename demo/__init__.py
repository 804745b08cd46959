"""Demo content: ``manage.py seed_demo`` and its data (``seed``, ``guides``,
``media``, the CSV and policy texts beside them), built on the real importers.
The top layer above every domain app; nothing imports it."""
