"""The lubricant catalogue: brands, categories, products and guides.

Editors meet these in the admin as the *Products* and *Guides* sections of the page
tree (``ProductIndexPage`` → ``ProductPage``, ``GuideIndexPage`` → ``GuidePage``) and
as the *Brands* and *Product categories* snippets. Everything is translatable with
wagtail-localize: ``zh-hans`` is the source locale, ``en`` the translation.

The API (``/api/v1/products/``, ``/api/v1/guides/``) reads these through the
listing querysets (``for_listing()``) and the detail selectors (``product_parts`` /
``guide_parts``), so query counts stay fixed.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin
from wagtail_localize.fields import SynchronizedField

from core.pages import FrontendPageMixin

from .blocks import (
    RICH_TEXT_FEATURES,
    GuideBodyBlock,
    PackageSizesBlock,
    TypicalPropertiesBlock,
)
from .forms import SKU_TAKEN, ProductPageForm
from .panels import CodeListPanel
from .querysets import (
    DETAIL_IMAGE_SPECS,  # noqa: F401
    OG_IMAGE_SPEC,  # noqa: F401
    RENDITION_SPECS,  # noqa: F401 (re-exported: the API's fixed image sizes)
    SOURCE_SPECS,  # noqa: F401
    THUMBNAIL_SPEC,  # noqa: F401
    GuidePageQuerySet,
    ProductPageQuerySet,
)

IMAGE_MODEL = get_image_model_string()
DOCUMENT_MODEL = get_document_model_string()


class BaseOil(models.TextChoices):
    MINERAL = "mineral", _("Mineral")
    SEMI_SYNTHETIC = "semi_synthetic", _("Semi-synthetic")
    SYNTHETIC = "synthetic", _("Synthetic")


class DocumentKind(models.TextChoices):
    TDS = "tds", _("Technical data sheet (TDS)")
    SDS = "sds", _("Safety data sheet (SDS)")
    BROCHURE = "brochure", _("Brochure")
    OTHER = "other", _("Other")


# --- Snippets ------------------------------------------------------------------


class Brand(TranslatableMixin, index.Indexed, models.Model):
    """A lubricant brand (超润, Shell, Mobil …); a translatable snippet."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("ASCII identifier, the same in every language: used in filters."),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("brand")
        verbose_name_plural = _("brands")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="products_brand_locale_slug_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProductCategory(TranslatableMixin, models.Model):
    """A node of the category tree (发动机油 / 柴油机油); a translatable snippet.

    ``path`` is the slash-joined slug path ("engine-oil/diesel-engine-oil"), kept in
    step with ``parent`` by ``products.services``; filters use it to include
    sub-categories with one ``LIKE`` instead of a recursive query.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("ASCII identifier, the same in every language."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a top-level category."),
    )
    path = models.CharField(_("slug path"), max_length=500, editable=False)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.IntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
        FieldPanel("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("product category")
        verbose_name_plural = _("product categories")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "path"], name="products_category_locale_path_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def compute_path(self) -> str:
        return f"{self.parent.path}/{self.slug}" if self.parent else self.slug

    def clean(self) -> None:
        super().clean()
        if self.parent and self.parent.locale_id != self.locale_id:
            raise ValidationError(
                {"parent": _("The parent must be in the same language.")}
            )
        node = self.parent
        while node is not None:
            if node.pk == self.pk:
                raise ValidationError(
                    {"parent": _("A category cannot contain itself.")}
                )
            node = node.parent

    def save(self, *args, **kwargs):
        # Derived, not a rule: the path always mirrors the parent chain.
        self.path = self.compute_path()
        super().save(*args, **kwargs)
        for child in self.children.all():
            child.save()


# --- Product pages -------------------------------------------------------------


class ProductIndexPage(FrontendPageMixin, Page):
    """The "Products" section: the parent of every product page in a locale."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["products.ProductPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("product index page")


ProductPageManager = PageManager.from_queryset(ProductPageQuerySet)


class ProductPage(FrontendPageMixin, HeadlessPreviewMixin, Page):
    """One lubricant product, as buyers see it in the catalogue.

    ``sku`` is the stable identifier shared by a product and its translations; it
    is unique within each locale.
    """

    sku = models.CharField(
        _("SKU"),
        max_length=64,
        db_index=True,
        help_text=_("Stock-keeping unit, e.g. LP-HM46. The same in every language."),
    )
    brand = models.ForeignKey(
        Brand,
        verbose_name=_("brand"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="products",
    )
    viscosity_grade = models.CharField(
        _("viscosity grade"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_("e.g. SAE 5W-30, ISO VG 46, NLGI 2"),
    )
    base_oil = models.CharField(
        _("base oil"),
        max_length=20,
        choices=BaseOil.choices,
        blank=True,
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences for list cards.")
    )
    applications = models.TextField(
        _("applications"),
        blank=True,
        help_text=_("Where it is used, one application per line."),
    )
    features = RichTextField(
        _("features and benefits"), blank=True, features=RICH_TEXT_FEATURES
    )
    typical_properties = StreamField(
        TypicalPropertiesBlock(),
        verbose_name=_("typical properties"),
        blank=True,
        help_text=_(
            "The typical properties table: property, test method, unit, value."
        ),
    )
    package_sizes = StreamField(
        PackageSizesBlock(),
        verbose_name=_("package sizes"),
        blank=True,
        help_text=_(
            "Amount, unit and container of each package sold, e.g. 18 L pail, "
            "200 L drum, 4 L × 6 case."
        ),
    )
    main_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in lists and as the first picture on the product page."),
    )

    objects = ProductPageManager()
    if TYPE_CHECKING:  # Page is Wagtail's (untyped): name the manager's type
        _default_manager: ClassVar[models.Manager[ProductPage]]

    # Codes and numbers are the same in every language: wagtail-localize copies
    # them from the source instead of offering them for translation, and a
    # translator cannot override them (a second SKU in English would split the
    # product's identity between languages).
    override_translatable_fields = [
        SynchronizedField("sku", overridable=False),
        SynchronizedField("viscosity_grade", overridable=False),
        SynchronizedField("base_oil", overridable=False),
        SynchronizedField("package_sizes", overridable=False),
    ]

    content_panels = [
        TitleFieldPanel("title"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("sku"), FieldPanel("brand")]),
                FieldRowPanel([FieldPanel("viscosity_grade"), FieldPanel("base_oil")]),
                InlinePanel("category_links", label=_("Categories"), min_num=1),
            ],
            heading=_("Identity"),
        ),
        FieldPanel("summary"),
        CodeListPanel(
            "specifications",
            field="code",
            label=_("Specifications and approvals"),
            add_label=_("Add a specification or approval"),
            help_text=_(
                "One per row, as printed on the TDS (API CK-4, DIN 51524-2 HLP); "
                "the order here is the order buyers see."
            ),
        ),
        FieldPanel("applications"),
        FieldPanel("features"),
        FieldPanel("typical_properties"),
        FieldPanel("package_sizes"),
        MultiFieldPanel(
            [
                FieldPanel("main_image"),
                InlinePanel("gallery_images", label=_("More images")),
            ],
            heading=_("Images"),
        ),
        InlinePanel("documents", label=_("Documents (TDS, SDS, brochures)")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("sku"),
        index.SearchField("viscosity_grade"),
        index.SearchField("summary"),
        index.SearchField("applications"),
        index.RelatedFields("brand", [index.SearchField("name")]),
        index.RelatedFields("specifications", [index.SearchField("code")]),
        index.FilterField("sku"),
        index.FilterField("base_oil"),
        index.FilterField("viscosity_grade"),
    ]
    parent_page_types = ["products.ProductIndexPage"]
    subpage_types: list[str] = []
    base_form_class = ProductPageForm

    class Meta:
        verbose_name = _("product page")

    def sku_holder(self) -> ProductPage | None:
        """Another product of this language (a draft too) using this SKU."""
        return (
            ProductPage.objects.filter(locale_id=self.locale_id, sku=self.sku)
            .exclude(translation_key=self.translation_key)
            .order_by("pk")
            .first()
        )

    def clean(self) -> None:
        super().clean()
        holder = self.sku_holder()
        if holder is not None:
            # Plain text here (the importer and the API show it as is); the
            # admin's form turns it into a link to the holder (products.forms).
            raise ValidationError(
                {
                    "sku": ValidationError(
                        _("Another product already uses this SKU: %(title)s."),
                        code=SKU_TAKEN,
                        params={"title": holder.draft_title or holder.title},
                    )
                }
            )

    @property
    def application_list(self) -> list[str]:
        return [line.strip() for line in self.applications.splitlines() if line.strip()]

    def package_size_data(self, language: str | None = None) -> list[dict]:
        """The sizes as the API shows them: ``[{id, amount, unit, container,
        count, note, label}]``, labelled in ``language`` (default: the active
        language)."""
        return package_size_data(self.package_sizes, language)

    def package_size_by_id(self, size_id: str) -> dict | None:
        """One of the product's sizes by its block id, or ``None``."""
        for size in self.package_size_data():
            if size["id"] == size_id:
                return size
        return None


def package_size_data(stream, language: str | None = None) -> list[dict]:
    """A ``package_sizes`` value (a ``StreamValue``, or its raw list as
    ``.values()`` rows may hold) in the API's shape, labelled in ``language``
    (default: the active language)."""
    if language is None:
        return PACKAGE_SIZES_BLOCK.get_api_representation(stream)
    with translation.override(language):
        return PACKAGE_SIZES_BLOCK.get_api_representation(stream)


PACKAGE_SIZES_BLOCK = PackageSizesBlock()


class ProductCategoryLink(Orderable):
    """A product's membership of a category (copied, not translated, by
    wagtail-localize; the API shows the category in the reader's language)."""

    if TYPE_CHECKING:  # the base is Wagtail's (untyped): name the manager's type
        _default_manager: ClassVar[models.Manager[ProductCategoryLink]]

    page = ParentalKey(
        ProductPage, related_name="category_links", on_delete=models.CASCADE
    )
    category = models.ForeignKey(
        ProductCategory,
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        related_name="product_links",
    )

    panels = [FieldPanel("category")]

    class Meta(Orderable.Meta):
        verbose_name = _("category")


class ProductSpecification(Orderable):
    """One specification or OEM approval a product meets (API CK-4, NSF H1 …)."""

    page = ParentalKey(
        ProductPage, related_name="specifications", on_delete=models.CASCADE
    )
    code = models.CharField(
        _("specification / approval"),
        max_length=80,
        db_index=True,
        help_text=_("As printed on the TDS, e.g. API CK-4, DIN 51524-2 HLP."),
    )

    panels = [FieldPanel("code")]

    class Meta(Orderable.Meta):
        verbose_name = _("specification")


class ProductImage(Orderable):
    page = ParentalKey(
        ProductPage, related_name="gallery_images", on_delete=models.CASCADE
    )
    image = models.ForeignKey(IMAGE_MODEL, on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class ProductDocument(Orderable):
    """A TDS, SDS or brochure of a product; the document carries its language."""

    page = ParentalKey(ProductPage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        DOCUMENT_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.TDS
    )

    panels = [FieldPanel("document"), FieldPanel("kind")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")


# --- Guides --------------------------------------------------------------------


class GuideIndexPage(FrontendPageMixin, Page):
    """The "Guides" section: selection guides and technical articles."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["products.GuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guide index page")


class GuidePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "products.GuidePage", related_name="tagged_items", on_delete=models.CASCADE
    )


WORDS_PER_MINUTE_EN = 220
CHARACTERS_PER_MINUTE_ZH = 400
CJK_CHARACTER = re.compile("[\u4e00-\u9fff]")


GuidePageManager = PageManager.from_queryset(GuidePageQuerySet)


class GuidePage(FrontendPageMixin, HeadlessPreviewMixin, Page):
    """A selection guide or technical article, linked to the products it discusses."""

    objects = GuidePageManager()

    summary = models.TextField(_("summary"), blank=True)
    date = models.DateField(
        _("published date"), help_text=_("Shown to readers as the article's date.")
    )
    cover_image = models.ForeignKey(
        IMAGE_MODEL,
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(GuideBodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=GuidePageTag, blank=True)

    content_panels = [
        TitleFieldPanel("title"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("cover_image")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("product_links", label=_("Related products")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["products.GuideIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("guide page")

    @property
    def reading_time(self) -> int:
        """Minutes to read: Chinese by characters, other languages by words."""
        text = strip_tags(str(self.body.render_as_block()) if self.body else "")
        return reading_minutes(self.summary, text)


def reading_minutes(*texts: str) -> int:
    """Minutes to read ``texts`` (plain text): Chinese by characters, other
    languages by words; at least one."""
    text = " ".join(texts)
    cjk = len(CJK_CHARACTER.findall(text))
    # Chinese runs are counted by character, so they must not count as words.
    words = len(CJK_CHARACTER.sub(" ", text).split())
    minutes = cjk / CHARACTERS_PER_MINUTE_ZH + words / WORDS_PER_MINUTE_EN
    return max(1, math.ceil(minutes))


class GuideProductLink(Orderable):
    """A product a guide recommends; product pages list the guides linking to them."""

    page = ParentalKey(
        GuidePage, related_name="product_links", on_delete=models.CASCADE
    )
    product = models.ForeignKey(
        ProductPage,
        verbose_name=_("product"),
        on_delete=models.CASCADE,
        related_name="guide_links",
    )

    panels = [FieldPanel("product")]

    class Meta(Orderable.Meta):
        verbose_name = _("related product")


# The search index and synonyms live in products.search (imported here so Django
# registers them with this app).
from .search.models import (  # noqa: E402, F401
    SearchDocument,
    SearchKind,
    SearchSynonym,
    SearchTerm,
)
