"""Catalogue and site content: products, categories, brands, guides, pages, site."""
