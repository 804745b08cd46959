"""Brands and the category tree."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..media import rendition
from .common import RenditionSerializer


class BrandSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField(help_text="The same in every locale; a filter value.")
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    website = serializers.CharField(allow_blank=True)
    logo = serializers.SerializerMethodField()

    @extend_schema_field(RenditionSerializer(allow_null=True))
    def get_logo(self, brand):
        return rendition(self.context.get("request"), brand.logo)


class CategoryNodeSerializer(serializers.Serializer):
    """A category with its sub-categories (``children``, the same shape)."""

    id = serializers.IntegerField()
    slug = serializers.CharField(help_text="The same in every locale; a filter value.")
    name = serializers.CharField()
    path = serializers.CharField(help_text="Slug path, e.g. engine-oil/diesel.")
    description = serializers.CharField(allow_blank=True)
    children = serializers.SerializerMethodField()

    @extend_schema_field(
        {"type": "array", "items": {"$ref": "#/components/schemas/CategoryNode"}}
    )
    def get_children(self, node):
        return CategoryNodeSerializer(node.tree_children, many=True).data


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
