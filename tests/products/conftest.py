"""Catalogue fixtures: import files built from row dicts, and the page tree."""

from __future__ import annotations

import csv
import io

from products.importer import COLUMNS


def csv_bytes(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode()


def product_rows(sku: str = "LP-HM46", **changes) -> list[dict]:
    """A product in both languages: the zh-hans source row and its en row."""
    zh = {
        "sku": sku,
        "locale": "zh-hans",
        "title": f"超润抗磨液压油 {sku}",
        "brand": "超润",
        "category": "工业油/液压油",
        "viscosity_grade": "ISO VG 46",
        "base_oil": "mineral",
        "specifications": "DIN 51524-2 HLP;GB 11118.1 L-HM",
        "applications": "注塑机;液压站",
        "summary": "高压抗磨液压油。",
        "package_sizes": "18L;200L",
    }
    en = {
        **zh,
        "locale": "en",
        "title": f"Lubpur AW Hydraulic Oil {sku}",
        "brand": "Lubpur",
        "category": "Industrial oils/Hydraulic oils",
        "applications": "Injection moulding;Hydraulic units",
        "summary": "Anti-wear hydraulic oil for high pressure.",
    }
    zh.update(changes.get("zh", {}))
    en.update(changes.get("en", {}))
    return [zh, en]
