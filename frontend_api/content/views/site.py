"""``/api/v1/site/``: site settings, the locales and the main navigation."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Site

from cms.models import SiteSettings
from cms.selectors import menu_pages
from core.pages import page_frontend_path
from legal.selectors import privacy_contact

from ...caching import CachedPublicView
from ...locales import LOCALE_CODES, requested_language, requested_locale
from ...schema import LOCALE_PARAMETER
from ..paths import page_type
from ..serializers import NavItemSerializer


class LocaleOutSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    default = serializers.BooleanField()


class SiteSettingsOutSerializer(serializers.Serializer):
    company_name = serializers.CharField()
    icp_number = serializers.CharField()
    contact_email = serializers.CharField()
    phone = serializers.CharField()
    service_hotline = serializers.CharField()
    address = serializers.CharField()


class PrivacyContactSerializer(serializers.Serializer):
    policy = serializers.CharField(help_text="The policy's slug.")
    version = serializers.CharField(help_text="Its current version's label.")
    lines = serializers.ListField(
        child=serializers.CharField(), help_text="The policy's contact block."
    )
    email = serializers.CharField(help_text="The first address in the block.")
    phone = serializers.CharField(help_text="The first number in the block.")


class SiteOutSerializer(serializers.Serializer):
    locale = serializers.CharField()
    locales = LocaleOutSerializer(many=True)
    settings = SiteSettingsOutSerializer()
    privacy_contact = PrivacyContactSerializer(
        allow_null=True,
        help_text="How to reach us about personal data: the contact block of the "
        "published privacy policy (in the requested locale, else the Chinese), so "
        "the site never contradicts the policy. Null before a policy is published.",
    )
    navigation = NavItemSerializer(
        many=True,
        help_text="Main navigation: the home's live children shown in menus.",
    )


class SiteView(CachedPublicView, APIView):
    """Site settings, the locales the content is published in, and the main
    navigation in the requested locale."""

    cache_tags = (
        "snippet:cms.sitesettings",
        "nav:{locale}",
        "tree",
        "type:legal.policypage",
        "snippet:legal.policyversion",
    )

    @extend_schema(
        responses=SiteOutSerializer, parameters=[LOCALE_PARAMETER], tags=["content"]
    )
    def get(self, request: Request) -> Response:
        from django.conf import settings as dj_settings

        language = requested_language(request)
        site = (
            Site.find_for_request(request)
            or Site.objects.filter(is_default_site=True).first()
        )
        cfg = SiteSettings.for_site(site) if site else SiteSettings()
        english = language == "en"
        data = {
            "locale": language,
            "locales": [
                {"code": code, "name": name, "default": code == LOCALE_CODES[0]}
                for code, name in dj_settings.WAGTAIL_CONTENT_LANGUAGES
            ],
            "settings": {
                "company_name": (cfg.company_name_en if english else "")
                or cfg.company_name,
                "icp_number": cfg.icp_number,
                "contact_email": cfg.contact_email,
                "phone": cfg.phone,
                "service_hotline": cfg.service_hotline,
                "address": (cfg.address_en if english else "") or cfg.address,
            },
            "privacy_contact": privacy_contact(language),
            "navigation": [
                {
                    "id": page.pk,
                    "type": page_type(page),
                    "title": page.title,
                    "slug": page.slug,
                    "url": page_frontend_path(page),
                }
                for page in menu_pages(locale=requested_locale(request))
            ],
        }
        return Response(SiteOutSerializer(data).data)
