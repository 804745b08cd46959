"""Catalogue search that works in Chinese: analysis, index, engines, snippets.

* ``analysis`` — normalisation, grade/code rules, jieba segmentation, stemming;
* ``models`` — ``SearchDocument``/``SearchTerm`` (the index), ``SearchSynonym``;
* ``documents`` — which fields of a page are indexed, with what weight;
* ``services`` — refresh/rebuild the index (signals and ``search_reindex``);
* ``signals`` — the index follows publishing;
* ``query`` / ``engine`` — parsing with synonyms, the database engine and the
  Wagtail (Elasticsearch/OpenSearch) adapter chosen by ``LUBPUR_SEARCH_BACKEND``;
* ``selectors`` — hits, result rows with snippets (``highlight``), suggestions.

Models are imported by ``products.models`` so they belong to the products app.
"""
