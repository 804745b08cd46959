"""Package sizes: one structured value shared by products and procurement requests.

A package size is an ``amount`` and ``unit`` (18 L, 0.4 kg), a ``container`` (drum,
pail, IBC …, labelled in the reader's language), an optional ``count`` of units in
one package (``4 L × 6`` a case of six 4 L bottles) and an optional free-text
``note``. Products list theirs in ``ProductPage.package_sizes`` (a StreamField of
``products.blocks.PackageSizeBlock``, synchronised — not translated — by
wagtail-localize, so every language shows the same sizes with the same ids); a
procurement item names one of them by its id and keeps a copy
(``members.enquiries.models.ProcurementItem.package_size``).

``parse_package_size`` reads what editors and importers used to type ("18L 桶",
"200 L drum", "4L×6", "散装"); what it cannot read stays in ``note``, never lost.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models
from django.utils.translation import gettext, pgettext_lazy


class PackageUnit(models.TextChoices):
    MILLILITRE = "mL", "mL"
    LITRE = "L", "L"
    GALLON = "gal", "gal"
    GRAM = "g", "g"
    KILOGRAM = "kg", "kg"
    TONNE = "t", "t"


class PackageContainer(models.TextChoices):
    DRUM = "drum", pgettext_lazy("package container", "drum")
    PAIL = "pail", pgettext_lazy("package container", "pail")
    CAN = "can", pgettext_lazy("package container", "can")
    BOTTLE = "bottle", pgettext_lazy("package container", "bottle")
    CARTRIDGE = "cartridge", pgettext_lazy("package container", "cartridge")
    BAG = "bag", pgettext_lazy("package container", "bag")
    CASE = "case", pgettext_lazy("package container", "case")
    IBC = "ibc", pgettext_lazy("package container", "IBC")
    BULK = "bulk", pgettext_lazy("package container", "bulk")


# Words for each unit and container as people type them, longest first when matched.
UNIT_WORDS: dict[str, str] = {
    "ml": "mL",
    "毫升": "mL",
    "l": "L",
    "ltr": "L",
    "litre": "L",
    "litres": "L",
    "liter": "L",
    "liters": "L",
    "升": "L",
    "gal": "gal",
    "gallon": "gal",
    "gallons": "gal",
    "加仑": "gal",
    "g": "g",
    "克": "g",
    "kg": "kg",
    "kgs": "kg",
    "公斤": "kg",
    "千克": "kg",
    "t": "t",
    "吨": "t",
}
CONTAINER_WORDS: dict[str, str] = {
    "吨桶": "ibc",
    "ibc": "ibc",
    "tote": "ibc",
    "吨箱": "ibc",
    "大桶": "drum",
    "铁桶": "drum",
    "桶": "drum",
    "drum": "drum",
    "drums": "drum",
    "barrel": "drum",
    "小桶": "pail",
    "提桶": "pail",
    "塑桶": "pail",
    "pail": "pail",
    "pails": "pail",
    "bucket": "pail",
    "罐": "can",
    "听": "can",
    "can": "can",
    "tin": "can",
    "jerrycan": "can",
    "瓶": "bottle",
    "bottle": "bottle",
    "bottles": "bottle",
    "支": "cartridge",
    "管": "cartridge",
    "cartridge": "cartridge",
    "tube": "cartridge",
    "袋": "bag",
    "bag": "bag",
    "sack": "bag",
    "箱": "case",
    "case": "case",
    "carton": "case",
    "box": "case",
    "散装": "bulk",
    "槽车": "bulk",
    "bulk": "bulk",
    "tanker": "bulk",
}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNITS = "|".join(sorted(map(re.escape, UNIT_WORDS), key=len, reverse=True))
_AMOUNT = re.compile(
    rf"(?:(?P<pre>\d+)\s*[x×*]\s*)?(?P<amount>{_NUMBER})\s*(?P<unit>{_UNITS})"
    rf"(?![a-z])(?:\s*[x×*/]\s*(?P<post>\d+))?",
    re.IGNORECASE,
)


def _alternation(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


# Latin words stand alone; Chinese ones may touch anything ("18L桶", "桶装").
_CONTAINER = re.compile(
    rf"(?<![a-z])(?P<latin>{_alternation(w for w in CONTAINER_WORDS if w.isascii())})"
    rf"(?![a-z])|(?P<han>{_alternation(w for w in CONTAINER_WORDS if not w.isascii())})"
    r"装?",
    re.IGNORECASE,
)
_LEFTOVER = re.compile(r"^[\s,;:/|()（）\[\]、，；：·.\-–—+装]*$")
NOTE_MAX = 100


@dataclass(frozen=True)
class PackageSize:
    """One package size (the block's value, the request item's copy)."""

    amount: Decimal | None = None
    unit: str = ""
    container: str = ""
    count: int | None = None
    note: str = ""

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> PackageSize:
        """From a block's stored value or an item's copy (amount a string)."""
        data = data or {}
        amount = data.get("amount")
        try:
            number = None if amount in (None, "") else Decimal(str(amount))
        except InvalidOperation:
            number = None
        count = data.get("count")
        return cls(
            amount=number,
            unit=data.get("unit") or "",
            container=data.get("container") or "",
            count=int(count) if count not in (None, "") else None,
            note=data.get("note") or "",
        )

    def to_data(self) -> dict[str, Any]:
        """JSON-ready: what a block stores and a request item copies."""
        return {
            "amount": amount_text(self.amount),
            "unit": self.unit,
            "container": self.container,
            "count": self.count,
            "note": self.note,
        }

    @property
    def label(self) -> str:
        """ "18 L drum" / "18 L 桶", "4 L × 6 case" in the active language."""
        parts = []
        if self.amount is not None and self.unit:
            size = f"{amount_text(self.amount)} {self.unit}"
            if self.count and self.count > 1:
                size += f" × {self.count}"
            parts.append(size)
        if self.container in PackageContainer.values:
            parts.append(str(PackageContainer(self.container).label))
        text = " ".join(parts)
        if self.note:
            text = f"{text} ({self.note})" if text else self.note
        return text or gettext("unspecified package")


def amount_text(amount: Decimal | None) -> str | None:
    """``Decimal("18.000")`` → ``"18"``, ``0.40`` → ``"0.4"`` (never exponents)."""
    if amount is None:
        return None
    text = format(amount, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_package_size(line: str) -> PackageSize:
    """Read a typed package size: ``"18L 桶"`` → 18 L drum, ``"4L×6"`` → 6 × 4 L,
    ``"200 L drum"``, ``"散装"`` → bulk. Anything left over (or a line with no
    size at all) is kept in ``note``."""
    original = " ".join(line.split())
    text = unicodedata.normalize("NFKC", original)
    container = ""
    found = _CONTAINER.search(text)
    if found:
        container = CONTAINER_WORDS[
            (found.group("latin") or found.group("han")).lower()
        ]
        text = text[: found.start()] + " " + text[found.end() :]
    amount = None
    unit = ""
    count = None
    match = _AMOUNT.search(text)
    if match:
        try:
            amount = Decimal(match.group("amount").replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits digits only
            amount = None
        unit = UNIT_WORDS[match.group("unit").lower()]
        times = match.group("pre") or match.group("post")
        count = int(times) if times and int(times) > 1 else None
        text = text[: match.start()] + " " + text[match.end() :]
    if amount is None and not container:
        return PackageSize(note=original[:NOTE_MAX])
    rest = " ".join(text.split())
    note = (
        ""
        if _LEFTOVER.match(rest)
        else rest.strip(" ,;:/|、，；：-()（）[]")[:NOTE_MAX]
    )
    if count and not container:
        container = PackageContainer.CASE.value
    return PackageSize(
        amount=amount, unit=unit, container=container, count=count, note=note
    )


ID_NAMESPACE = uuid.UUID("5b2d4a58-6a0c-4a52-9a43-1f3c4e0c9d15")


def package_size_stream(
    sizes: list[PackageSize], translation_key: Any, keep: list[dict] | None = None
) -> list[dict[str, Any]]:
    """Sizes → the raw StreamField data of ``ProductPage.package_sizes``. A size
    already in ``keep`` (the page's current raw data) keeps its id; a new one
    gets an id derived from the product's translation key and the size, so a
    product and its translations, written apart, agree on the ids."""
    free: dict[str, list[str]] = {}
    for item in keep or []:
        value = PackageSize.from_data(item.get("value")).to_data()
        if item.get("id"):
            free.setdefault(json.dumps(value, sort_keys=True), []).append(item["id"])
    seen: dict[str, int] = {}
    out = []
    for size in sizes:
        value = size.to_data()
        key = json.dumps(value, sort_keys=True)
        seen[key] = seen.get(key, 0) + 1
        reused = free.get(key)
        size_id = (
            reused.pop(0)
            if reused
            else str(uuid.uuid5(ID_NAMESPACE, f"{translation_key}:{seen[key]}:{key}"))
        )
        out.append({"type": "size", "value": value, "id": size_id})
    return out


def package_sizes_of(stream: Any) -> list[PackageSize]:
    """A ``package_sizes`` value (``StreamValue`` or raw list) as sizes."""
    raw = getattr(stream, "raw_data", stream) or []
    return [
        PackageSize.from_data(item.get("value"))
        for item in raw
        if isinstance(item, dict)
    ]
