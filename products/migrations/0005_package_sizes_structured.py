"""Package sizes become structured (issue 15): ``ProductPage.package_sizes`` was
free text, one size per line; it is now a StreamField of sizes (amount, unit,
container, units per package, note). Every line is parsed by
``products.packaging.parse_package_size``; what it cannot read is kept as the
size's note, never dropped. Saved revisions and wagtail-localize's stored sources
are converted too, so the admin's latest revision and the next translation sync
read the new form. A line's block id is derived from the product's translation key
and the line, so a product and its translations (synchronised copies) share ids.
"""

import json
import uuid

import wagtail.fields
from django.db import migrations

from products.packaging import PackageSize, amount_text, parse_package_size

NAMESPACE = uuid.UUID("5b2d4a58-6a0c-4a52-9a43-1f3c4e0c9d15")


def stream_of(text, translation_key):
    """A text's lines → raw stream data with stable ids."""
    out = []
    for index, line in enumerate(
        line.strip() for line in (text or "").splitlines() if line.strip()
    ):
        key = f"{translation_key}:{index}:{line}"
        out.append(
            {
                "type": "size",
                "value": parse_package_size(line).to_data(),
                "id": str(uuid.uuid5(NAMESPACE, key)),
            }
        )
    return out


def text_of(stream):
    """Back to lines (reverse migration): "18 L drum (note)"."""
    if isinstance(stream, str):
        stream = json.loads(stream or "[]")
    lines = []
    for item in stream or []:
        size = PackageSize.from_data(item.get("value"))
        parts = []
        if size.amount is not None:
            parts.append(f"{amount_text(size.amount)}{size.unit}")
            if size.count:
                parts[-1] += f"×{size.count}"
        parts += [size.container, size.note]
        lines.append(" ".join(part for part in parts if part))
    return "\n".join(lines)


def _convert_serialized(content, translation_key, forward):
    value = content.get("package_sizes")
    if forward and isinstance(value, str) and not value.lstrip().startswith("["):
        content["package_sizes"] = json.dumps(stream_of(value, translation_key))
        return True
    if not forward and value is not None and not (
        isinstance(value, str) and not value.lstrip().startswith("[")
    ):
        content["package_sizes"] = text_of(value)
        return True
    return False


def _convert(apps, forward):
    ProductPage = apps.get_model("products", "ProductPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    keys = {}
    for page in ProductPage.objects.all():
        keys[str(page.pk)] = page.translation_key
        if forward:
            page.package_sizes = stream_of(page.package_sizes_text, page.translation_key)
            page.save(update_fields=["package_sizes"])
        else:
            page.package_sizes_text = text_of(page.package_sizes.raw_data)
            page.save(update_fields=["package_sizes_text"])
    kind = ContentType.objects.filter(app_label="products", model="productpage").first()
    if kind is None:
        return
    for revision in Revision.objects.filter(content_type=kind).iterator():
        content = revision.content or {}
        key = content.get("translation_key") or keys.get(revision.object_id, "")
        if _convert_serialized(content, key, forward):
            revision.content = content
            revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(specific_content_type=kind):
        content = json.loads(source.content_json or "{}")
        key = content.get("translation_key") or str(source.object_id)
        if _convert_serialized(content, key, forward):
            source.content_json = json.dumps(content, cls=None)
            source.save(update_fields=["content_json"])


def forwards(apps, schema_editor):
    _convert(apps, forward=True)


def backwards(apps, schema_editor):
    _convert(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("products", "0004_searchsynonym_help_lexicon"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RenameField("productpage", "package_sizes", "package_sizes_text"),
        migrations.AddField(
            model_name="productpage",
            name="package_sizes",
            field=wagtail.fields.StreamField([('size', 5)], blank=True, block_lookup={0: ('wagtail.blocks.DecimalBlock', (), {'decimal_places': 3, 'help_text': 'e.g. 18 (empty for bulk)', 'label': 'amount', 'max_digits': 10, 'min_value': 0, 'required': False}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('mL', 'mL'), ('L', 'L'), ('gal', 'gal'), ('g', 'g'), ('kg', 'kg'), ('t', 't')], 'label': 'unit', 'required': False}), 2: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('drum', 'drum'), ('pail', 'pail'), ('can', 'can'), ('bottle', 'bottle'), ('cartridge', 'cartridge'), ('bag', 'bag'), ('case', 'case'), ('ibc', 'IBC'), ('bulk', 'bulk')], 'label': 'container', 'required': False}), 3: ('wagtail.blocks.IntegerBlock', (), {'help_text': 'e.g. 6 for a case of six 4 L bottles; empty for one.', 'label': 'units per package', 'min_value': 1, 'required': False}), 4: ('wagtail.blocks.CharBlock', (), {'help_text': 'Anything the fields above cannot say.', 'label': 'note', 'max_length': 100, 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('amount', 0), ('unit', 1), ('container', 2), ('count', 3), ('note', 4)]], {})}, help_text='Amount, unit and container of each package sold, e.g. 18 L pail, 200 L drum, 4 L × 6 case.', verbose_name='package sizes'),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField("productpage", "package_sizes_text"),
    ]
