"""Read a plain-text policy (the shape of the published 法律声明及隐私政策) into a tree.

Pure Python, no database: ``parse_policy(text, locale)`` returns a ``ParsedPolicy``
that ``legal.importer`` turns into a ``PolicyPage``. The grammar, per locale:

============  ==================  ===========================
element       zh-hans             en
============  ==================  ===========================
section       ``一、标题``         ``1、 Heading``
sub-section   ``（一）标题``        ``(1) Heading`` / ``1) Heading``
item          ``1、文字`` ``（1）…``  ``1. Text`` / ``(1) Text.``
============  ==================  ===========================

A short line without closing punctuation is an unnumbered heading: before the
first numbered section it starts a part of the legal statement (使用服务基本规则 …),
after it a sub-section. A parenthesised number followed by a sentence is an item,
not a heading. The lines before the first heading are the introduction; the
"更新日期 / Updated on" line is the date; in the last section, everything from the
first line with an e-mail address or phone number on is the contact block.
A file may hold both languages one after the other (as the seed does); the half
whose "updated on" line matches ``locale`` is read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext

LOCALES = ("zh-hans", "en")

# U+00A0 and U+3000 (and friends) are spaces to us; zero-width characters vanish.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")

_UPDATED = {
    "zh-hans": re.compile(r"^(?:更新日期|更新时间|生效日期)\s*[:：]\s*(?P<date>.+)$"),
    "en": re.compile(
        r"^(?:updated\s+on|last\s+updated)\s*[:：]?\s*(?P<date>.+)$", re.I
    ),
}
_CJK_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
_CJK_NUM = "零〇一二三四五六七八九十百"

_ZH_SECTION = re.compile(rf"^(?P<n>[{_CJK_NUM}]+)\s*[、.．]\s*(?P<text>.+)$")
_EN_SECTION = re.compile(r"^(?P<n>\d{1,2})\s*、\s*(?P<text>.+)$")
_PAREN_CJK = re.compile(rf"^[（(]\s*(?P<n>[{_CJK_NUM}]+)\s*[)）]\s*(?P<text>.+)$")
_PAREN_ARABIC = re.compile(r"^[（(]?\s*(?P<n>\d{1,2})\s*[)）]\s*(?P<text>.+)$")
_ZH_ITEM = re.compile(r"^(?P<n>\d{1,2})\s*[、.．](?!\d)\s*(?P<text>.+)$")
_EN_ITEM = re.compile(r"^(?P<n>\d{1,2})\s*[.．](?!\d)\s*(?P<text>.+)$")

_CLOSING = tuple("。．.;；:：,，!！?？、…")
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.-]+|\+?\d[\d -]{6,}\d|\d{3,4}-\d{7,8}", re.ASCII
)
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")


class PolicyParseError(ValueError):
    """The text is not a policy we can read; the message says why and where."""


@dataclass
class Unit:
    """A paragraph, or a numbered item (``marker``: how its number was written)."""

    text: str
    number: int | None = None
    marker: str = ""  # "" paragraph, "arabic" 1、/1., "paren" (1), "paren_cjk" （一）

    @property
    def is_item(self) -> bool:
        return self.number is not None


@dataclass
class Subsection:
    heading: str
    number: int | None = None
    units: list[Unit] = field(default_factory=list)


@dataclass
class Section:
    heading: str
    number: int | None = None
    units: list[Unit] = field(default_factory=list)
    subsections: list[Subsection] = field(default_factory=list)

    @property
    def item_count(self) -> int:
        units = self.units + [u for sub in self.subsections for u in sub.units]
        return sum(1 for unit in units if unit.is_item)


@dataclass
class ParsedPolicy:
    locale: str
    title: str
    updated_on: dt.date | None
    intro: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    contact: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """What the importer found, one line per section, for the command's output."""
        lines = [
            f"{self.locale}: {self.title!r}, updated on {self.updated_on}, "
            f"introduction {len(self.intro)} paragraphs, {len(self.sections)} sections "
            f"({sum(s.number is None for s in self.sections)} unnumbered parts, "
            f"{sum(s.number is not None for s in self.sections)} numbered), "
            f"contact {len(self.contact)} lines"
        ]
        for section in self.sections:
            label = section.number if section.number is not None else "-"
            lines.append(
                f"  [{label}] {section.heading} — {len(section.subsections)} "
                f"sub-sections, {section.item_count} items"
            )
        return "\n".join(lines)


def normalise_line(line: str) -> str:
    line = _INVISIBLE.sub("", _SPACES.sub(" ", line))
    return re.sub(r" {2,}", " ", line).strip()


def cjk_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (enough for policy numbering)."""
    if "百" in text:
        raise PolicyParseError(f"Section number {text!r} is too large.")
    if "十" in text:
        tens, _sep, units = text.partition("十")
        return (_CJK_DIGITS.get(tens, 1) if tens else 1) * 10 + (
            _CJK_DIGITS[units] if units else 0
        )
    value = 0
    for char in text:
        value = value * 10 + _CJK_DIGITS[char]
    return value


def parse_date(text: str, locale: str) -> dt.date:
    text = text.strip().rstrip("。.")
    patterns = [
        r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?",
        r"(\d{4})-(\d{1,2})-(\d{1,2})",
    ]
    for pattern in patterns:
        match = re.fullmatch(pattern, text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                break
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%B %d %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise PolicyParseError(f"Cannot read the date {text!r} ({locale}).")


def _is_heading_shaped(text: str) -> bool:
    if text.endswith(_CLOSING) or "@" in text or "://" in text:
        return False
    limit = 24 if _CJK_CHAR.search(text) else 60
    return len(text) <= limit


def _halves(lines: list[str]) -> list[tuple[str, int, int]]:
    """(locale, index of its "updated on" line, end) for each language in the file."""
    marks = []
    for index, line in enumerate(lines):
        for locale, pattern in _UPDATED.items():
            if pattern.match(line):
                marks.append((locale, index))
    halves = []
    for position, (locale, index) in enumerate(marks):
        # The next half starts with its title, the line before its date line.
        end = marks[position + 1][1] - 1 if position + 1 < len(marks) else len(lines)
        halves.append((locale, index, end))
    return halves


def _classify(line: str, locale: str) -> tuple[str, int | None, str, str]:
    """(kind, number, marker, text); kind is section, subsection, item or text."""
    section = (_ZH_SECTION if locale == "zh-hans" else _EN_SECTION).match(line)
    if section:
        number = section["n"]
        value = cjk_number(number) if locale == "zh-hans" else int(number)
        return "section", value, "", section["text"].strip()
    for pattern, marker in ((_PAREN_CJK, "paren_cjk"), (_PAREN_ARABIC, "paren")):
        match = pattern.match(line)
        if match:
            number = match["n"]
            value = cjk_number(number) if marker == "paren_cjk" else int(number)
            text = match["text"].strip()
            kind = "subsection" if _is_heading_shaped(text) else "item"
            return kind, value, marker, text
    item = (_ZH_ITEM if locale == "zh-hans" else _EN_ITEM).match(line)
    if item:
        return "item", int(item["n"]), "arabic", item["text"].strip()
    return "text", None, "", line


def parse_policy(text: str, locale: str) -> ParsedPolicy:
    """Parse the ``locale`` half of ``text``; ``PolicyParseError`` if unreadable."""
    if locale not in LOCALES:
        raise PolicyParseError(f"Unknown locale {locale!r}; use zh-hans or en.")
    lines = [normalise_line(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise PolicyParseError(gettext("The file is empty."))
    halves = _halves(lines)
    mine = [half for half in halves if half[0] == locale]
    if halves and not mine:
        found = ", ".join(sorted({half[0] for half in halves}))
        raise PolicyParseError(f"The file has no {locale} text (found: {found}).")
    if mine:
        _locale, date_index, end = mine[0]
        if date_index == 0:
            raise PolicyParseError(
                gettext("The 'updated on' line has no title line above it.")
            )
        title = lines[date_index - 1]
        date_text = _UPDATED[locale].match(lines[date_index])["date"]  # type: ignore[index]
        updated_on: dt.date | None = parse_date(date_text, locale)
        body = lines[date_index + 1 : end]
    else:
        title, updated_on, body = lines[0], None, lines[1:]
    if title.isupper():
        title = _title_case(title)
    policy = ParsedPolicy(locale=locale, title=title, updated_on=updated_on)
    _parse_body(policy, body)
    return policy


def _title_case(text: str) -> str:
    small = {"and", "or", "of", "the", "a", "an", "in", "on", "for", "to"}
    words = text.lower().split(" ")
    return " ".join(
        word if index and word in small else word.capitalize()
        for index, word in enumerate(words)
    )


def _split_contact(body: list[str], locale: str) -> tuple[list[str], list[str]]:
    last_section = max(
        (i for i, line in enumerate(body) if _classify(line, locale)[0] == "section"),
        default=None,
    )
    if last_section is None:
        return body, []
    for index in range(last_section + 1, len(body)):
        if _CONTACT.search(body[index]):
            return body[:index], body[index:]
    return body, []


def _parse_body(policy: ParsedPolicy, body: list[str]) -> None:
    body, policy.contact = _split_contact(body, policy.locale)
    section: Section | None = None
    subsection: Subsection | None = None
    numbered_seen = False
    for position, line in enumerate(body):
        kind, number, marker, text = _classify(line, policy.locale)
        is_last = position == len(body) - 1
        if kind == "text" and _is_heading_shaped(text) and not is_last:
            kind = "subsection" if numbered_seen else "part"
        if kind in {"section", "part"}:
            numbered_seen = numbered_seen or kind == "section"
            section = Section(heading=text, number=number)
            policy.sections.append(section)
            subsection = None
        elif kind == "subsection":
            if section is None:
                raise PolicyParseError(
                    f"Sub-heading before any section: {line[:40]!r}."
                )
            subsection = Subsection(heading=text, number=number)
            section.subsections.append(subsection)
        else:
            unit = Unit(text=text, number=number, marker=marker)
            if section is None:
                policy.intro.append(line)
            elif subsection is not None:
                subsection.units.append(unit)
            else:
                section.units.append(unit)
    numbered = [s.number for s in policy.sections if s.number is not None]
    if not policy.sections:
        raise PolicyParseError(gettext("No section headings found; is this a policy?"))
    if numbered != list(range(1, len(numbered) + 1)):
        raise PolicyParseError(
            f"Numbered sections are out of order: {numbered} (expected 1, 2, 3 …)."
        )
