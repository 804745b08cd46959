"""Site-wide content: the home page, site settings, and our image/document models.

* ``HomePage`` is the root of each locale's tree (``/zh-hans/`` and ``/en/`` on the
  frontend); editors meet it at the top of the page explorer.
* ``SiteSettings`` holds contact details and the ICP filing number (Settings → Site
  settings in the admin; ``GET /api/v1/site/`` in the API).
* ``CustomImage`` / ``CustomDocument`` replace Wagtail's defaults from the first
  migration, so product documents can carry a language and a members-only flag.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page

DOCUMENT_LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
    ("multi", _("Multilingual")),
]


class HomePage(Page):
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
    ]

    class Meta:
        verbose_name = _("site settings")


class CustomImage(AbstractImage):
    """An image in the media library; ``alt_text`` is the default alternative text."""

    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Describes the image for screen readers; the title when empty."),
    )
    admin_form_fields = (*Image.admin_form_fields, "alt_text")

    @property
    def default_alt_text(self) -> str:
        return self.alt_text or self.title


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    """A downloadable file (TDS, SDS, brochure …) with its language and audience.

    ``members_only`` documents are served by ``/api/v1/documents/{id}/download/`` to
    signed-in members only; collection privacy in the admin restricts further.
    """

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=DOCUMENT_LANGUAGES,
        default="zh-hans",
        help_text=_("The language the document is written in."),
    )
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only signed-in members can download it; visitors get 401."),
    )
    admin_form_fields = (*Document.admin_form_fields, "language", "members_only")
