"""``/api/v1/search/`` and ``/api/v1/search/suggest/``: catalogue search (thin;
the engine is ``products.search``)."""
