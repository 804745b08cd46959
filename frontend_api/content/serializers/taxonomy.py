"""Brands and the category tree, with their frontend pages
(``core.pages.brand_frontend_path`` / ``category_frontend_path``)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.pages import brand_frontend_path, category_frontend_path

from ..media import rendition
from .common import RenditionSerializer


def _language(serializer: serializers.Serializer, item) -> str:
    language = serializer.context.get("language")
    return language or item.locale.language_code


class BrandSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField(help_text="The same in every locale; a filter value.")
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    website = serializers.CharField(allow_blank=True)
    logo = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField(
        help_text="Frontend path of the brand's page, e.g. /en/brands/shell/."
    )

    @extend_schema_field(RenditionSerializer(allow_null=True))
    def get_logo(self, brand):
        return rendition(self.context.get("request"), brand.logo)

    def get_url(self, brand) -> str:
        return brand_frontend_path(_language(self, brand), brand.slug)


class SnippetTranslationSerializer(serializers.Serializer):
    """The same brand or category in another locale."""

    locale = serializers.CharField()
    id = serializers.IntegerField()
    slug = serializers.CharField()
    url = serializers.CharField(help_text="Frontend path.")


class BrandDetailSerializer(BrandSerializer):
    locale = serializers.CharField(source="locale.language_code")
    canonical_url = serializers.SerializerMethodField(help_text="FRONTEND_URL + url.")
    translations = serializers.SerializerMethodField()

    def get_canonical_url(self, brand) -> str:
        return self.context["canonical_url"]

    @extend_schema_field(SnippetTranslationSerializer(many=True))
    def get_translations(self, brand):
        return self.context["translations"]


class CategoryNodeSerializer(serializers.Serializer):
    """A category with its sub-categories (``children``, the same shape)."""

    id = serializers.IntegerField()
    slug = serializers.CharField(help_text="The same in every locale; a filter value.")
    name = serializers.CharField()
    path = serializers.CharField(help_text="Slug path, e.g. engine-oil/diesel.")
    description = serializers.CharField(allow_blank=True)
    url = serializers.SerializerMethodField(
        help_text="Frontend path of the category's page, e.g. "
        "/en/categories/engine-oil/diesel/."
    )
    children = serializers.SerializerMethodField()

    def get_url(self, node) -> str:
        return category_frontend_path(_language(self, node), node.path)

    @extend_schema_field(
        {"type": "array", "items": {"$ref": "#/components/schemas/CategoryNode"}}
    )
    def get_children(self, node):
        return CategoryNodeSerializer(
            node.tree_children, many=True, context=self.context
        ).data


class CategoryLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    path = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="Frontend path.")

    def get_url(self, node) -> str:
        return category_frontend_path(_language(self, node), node.path)


class CategoryDetailSerializer(serializers.Serializer):
    """A category's page: itself, where it sits in the tree, its translations."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    path = serializers.CharField(help_text="Slug path, e.g. engine-oil/diesel.")
    description = serializers.CharField(allow_blank=True)
    locale = serializers.CharField(source="locale.language_code")
    url = serializers.SerializerMethodField(help_text="Frontend path.")
    canonical_url = serializers.SerializerMethodField(help_text="FRONTEND_URL + url.")
    parent: Any = serializers.SerializerMethodField()
    children = serializers.SerializerMethodField(help_text="Direct sub-categories.")
    breadcrumbs = serializers.SerializerMethodField(
        help_text="From the top-level category to this one (itself last)."
    )
    translations = serializers.SerializerMethodField()

    def get_url(self, node) -> str:
        return category_frontend_path(_language(self, node), node.path)

    def get_canonical_url(self, node) -> str:
        return self.context["canonical_url"]

    @extend_schema_field(CategoryLinkSerializer(allow_null=True))
    def get_parent(self, node):
        ancestors = self.context["ancestors"]
        if not ancestors:
            return None
        return CategoryLinkSerializer(ancestors[-1], context=self.context).data

    @extend_schema_field(CategoryLinkSerializer(many=True))
    def get_children(self, node):
        return CategoryLinkSerializer(
            self.context["children"], many=True, context=self.context
        ).data

    @extend_schema_field(CategoryLinkSerializer(many=True))
    def get_breadcrumbs(self, node):
        return CategoryLinkSerializer(
            [*self.context["ancestors"], node], many=True, context=self.context
        ).data

    @extend_schema_field(SnippetTranslationSerializer(many=True))
    def get_translations(self, node):
        return self.context["translations"]


def category_tree(categories) -> list:
    """Nest a flat, ordered list of categories by ``parent``; returns the roots.
    (Sets ``tree_children`` on each node: no queries.)"""
    by_id = {category.pk: category for category in categories}
    roots: list = []
    for category in categories:
        category.tree_children = []
    for category in categories:
        parent = by_id.get(category.parent_id)
        (parent.tree_children if parent else roots).append(category)
    return roots


class CategoryContentSerializer(CategoryDetailSerializer):
    """``pages/content/`` for a category's frontend path."""

    type = serializers.ChoiceField(choices=["category"])


class BrandContentSerializer(BrandDetailSerializer):
    """``pages/content/`` for a brand's frontend path."""

    type = serializers.ChoiceField(choices=["brand"])
