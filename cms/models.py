"""Site-wide content: the home page, site settings, and our image/document models.

* ``HomePage`` is the root of each locale's tree (``/zh-hans/`` and ``/en/`` on the
  frontend); editors meet it at the top of the page explorer.
* ``SiteSettings`` holds contact details and the ICP filing number (Settings → Site
  settings in the admin; ``GET /api/v1/site/`` in the API).
* ``CustomImage`` / ``CustomDocument`` replace Wagtail's defaults from the first
  migration, so product documents can carry a language and a members-only flag.
"""

from typing import TYPE_CHECKING, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page

from core.files import private_name, private_storage
from core.i18n import source_language
from core.pages import FrontendPageMixin

DOCUMENT_LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
    ("multi", _("Multilingual")),
]


class HomePage(FrontendPageMixin, Page):
    """The root page of one locale: hero text and an introduction for the frontend."""

    hero_title = models.CharField(
        _("hero title"),
        max_length=120,
        blank=True,
        help_text=_("Large heading on the home page; the page title when empty."),
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short paragraph under the heading."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("intro"),
    ]
    subpage_types = [
        "products.ProductIndexPage",
        "products.GuideIndexPage",
        "legal.PolicyPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Company and contact details shown by every frontend (``GET /api/v1/site/``)."""

    company_name = models.CharField(_("company name (Chinese)"), max_length=120)
    company_name_en = models.CharField(
        _("company name (English)"), max_length=160, blank=True
    )
    icp_number = models.CharField(
        _("ICP filing number"),
        max_length=60,
        blank=True,
        help_text=_("e.g. 沪ICP备12345678号-1, shown in every page footer."),
    )
    contact_email = models.EmailField(_("general contact e-mail"), blank=True)
    sales_email = models.EmailField(
        _("sales e-mail"),
        blank=True,
        help_text=_("Receives new procurement requests and consultations."),
    )
    privacy_email = models.EmailField(
        _("privacy officer e-mail"),
        blank=True,
        help_text=_("Receives privacy requests; published in the privacy policy."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    service_hotline = models.CharField(_("service hotline"), max_length=40, blank=True)
    address = models.CharField(_("address (Chinese)"), max_length=255, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=255, blank=True)
    share_image = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("default share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when a page is shared on WeChat, Weibo or other sites and has "
            "no picture of its own (cropped to 1200×630 around the focal point). "
            "Write the image's alternative text in Chinese and English."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("company_name"),
                FieldPanel("company_name_en"),
                FieldPanel("icp_number"),
            ],
            heading=_("Company"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("sales_email"),
                FieldPanel("privacy_email"),
                FieldPanel("phone"),
                FieldPanel("service_hotline"),
                FieldPanel("address"),
                FieldPanel("address_en"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel([FieldPanel("share_image")], heading=_("Sharing")),
    ]

    class Meta:
        verbose_name = _("site settings")


class CustomImage(AbstractImage):
    """An image in the media library; ``alt_text`` is the alternative text in
    the source language, ``alt_text_en`` the English one.

    Images are shared by every locale (one file, one focal point, one set of
    renditions), so they are not translatable models: a translated copy per
    locale would duplicate files and renditions and split the editors' library.
    The alt text is the one part that differs by language; the site has one
    translated language, so it is a field beside the source one (as the site
    settings' English name and address are).
    """

    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Describes the image for screen readers; the title when empty."),
    )
    alt_text_en = models.CharField(
        _("alternative text (English)"),
        max_length=255,
        blank=True,
        help_text=_(
            "What English readers' screen readers say; the alternative text "
            "above when empty."
        ),
    )
    admin_form_fields = (*Image.admin_form_fields, "alt_text", "alt_text_en")
    if TYPE_CHECKING:  # the base is Wagtail's (untyped): name the manager's type
        _default_manager: ClassVar["models.Manager[CustomImage]"]

    @property
    def default_alt_text(self) -> str:
        return self.alt_text or self.title

    def alt_for(self, language: str) -> str:
        """The alternative text for readers of ``language``."""
        return image_alt(
            language,
            alt_text=self.alt_text,
            alt_text_en=self.alt_text_en,
            title=self.title,
        )


def image_alt(language: str, *, alt_text: str, alt_text_en: str, title: str) -> str:
    """An image's alternative text in ``language`` from its stored fields (also
    for rows read with ``.values()``): English readers get ``alt_text_en`` when
    an editor wrote one; everyone else, and the fallback, the source text, then
    the title."""
    if language == "en" and source_language() != "en" and alt_text_en:
        return alt_text_en
    return alt_text or title


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def document_upload_to(instance: "CustomDocument", filename: str) -> str:
    """``documents/<random>/<name>``: the file keeps its name, the path is
    unguessable."""
    return private_name("documents", filename)


class CustomDocument(AbstractDocument):
    """A downloadable file (TDS, SDS, brochure …) with its language and audience.

    ``members_only`` documents are served by ``/api/v1/documents/{id}/download/`` to
    signed-in members only; collection privacy in the admin restricts further.
    Every document's file is in the private storage (``core.files``): no public
    URL serves it, only that view and Wagtail's ``/documents/<id>/<name>`` (which
    checks the same audience).
    """

    file = models.FileField(
        _("file"), upload_to=document_upload_to, storage=private_storage
    )

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=DOCUMENT_LANGUAGES,
        default=source_language(),
        help_text=_("The language the document is written in."),
    )
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only signed-in members can download it; visitors get 401."),
    )
    admin_form_fields = (*Document.admin_form_fields, "language", "members_only")
    if TYPE_CHECKING:  # the base is Wagtail's (untyped): name the manager's type
        _default_manager: ClassVar["models.Manager[CustomDocument]"]


# --- Webhooks to pre-rendering frontends (delivery.webhooks) -------------------


class WebhookEvent(models.TextChoices):
    PUBLISHED = "page.published", _("Page published")
    UNPUBLISHED = "page.unpublished", _("Page unpublished")
    DELETED = "page.deleted", _("Page deleted")
    BRAND_SAVED = "brand.saved", _("Brand saved")
    BRAND_DELETED = "brand.deleted", _("Brand deleted")
    CATEGORY_SAVED = "category.saved", _("Category saved")
    CATEGORY_DELETED = "category.deleted", _("Category deleted")
    SITE_SETTINGS_SAVED = "site_settings.saved", _("Site settings saved")
    POLICY_SAVED = "policy.saved", _("Policy version published")
    IMAGE_SAVED = "image.saved", _("Image saved")
    IMAGE_DELETED = "image.deleted", _("Image deleted")
    DOCUMENT_SAVED = "document.saved", _("Document saved")
    DOCUMENT_DELETED = "document.deleted", _("Document deleted")


def _all_events() -> list[str]:
    return list(WebhookEvent.values)


class WebhookEndpoint(models.Model):
    """A frontend that pre-renders pages (static generation, incremental
    revalidation) and wants to hear when published content changes.

    Editors with the permission manage endpoints under Settings → Webhooks; each
    change to a page sends a signed JSON POST (see ``delivery.webhooks``).
    """

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=500, help_text=_("Receives POSTs."))
    secret = models.CharField(
        _("secret"),
        max_length=128,
        help_text=_(
            "Shared secret: the HMAC-SHA256 key of the X-Lubpur-Signature header."
        ),
    )
    events = models.JSONField(
        _("events"),
        default=_all_events,
        blank=True,
        help_text=_(
            "page.published, page.unpublished, page.deleted, brand.saved, "
            "category.saved, site_settings.saved, policy.saved, image.saved, "
            "document.saved (and .deleted); empty = all."
        ),
    )
    locales = models.JSONField(
        _("locales"),
        default=list,
        blank=True,
        help_text=_('Language codes, e.g. ["en"]; empty = every locale.'),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def wants(self, event: str, language: str | None) -> bool:
        """``language`` None: the change has no locale (settings, media) and
        concerns every one."""
        return (
            self.active
            and (not self.events or event in self.events)
            and (not self.locales or language is None or language in self.locales)
        )


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one endpoint: the payload, each attempt's
    outcome, and when the next retry is due. Listed under Settings → Webhook
    deliveries, filterable by status, endpoint and event."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RETRYING = "retrying", _("Retrying")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("endpoint"),
    )
    event = models.CharField(_("event"), max_length=40, choices=WebhookEvent.choices)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_code = models.PositiveSmallIntegerField(
        _("last response code"), null=True, blank=True
    )
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint}"
