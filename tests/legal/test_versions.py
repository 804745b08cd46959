"""Publishing freezes immutable versions; labels; translations catch up honestly."""

import datetime as dt

import pytest
from wagtail.models import Locale

from legal.importer import policy_import
from legal.models import ImmutableRecordError, PolicyVersion, PolicyVersionText

from .fixtures import EN, ZH

pytestmark = pytest.mark.django_db


def _republish(page, **changes):
    draft = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision().publish()
    return PolicyVersion.objects.filter(policy=page).first()


def test_publishing_freezes_a_version_with_both_texts(policy):
    version = PolicyVersion.objects.get(policy=policy)
    assert (version.label, version.material) == ("2024-03-01", True)
    assert version.effective_date == dt.date(2024, 3, 1)
    texts = {text.locale: text for text in version.texts.all()}
    assert set(texts) == {"zh-hans", "en"}
    assert texts["zh-hans"].content["sections"][2]["label"] == "一、"
    assert texts["en"].content["sections"][2]["label"] == "1."
    assert '<h2><span class="policy-number">一、</span>我们如何收集信息</h2>' in (
        texts["zh-hans"].html
    )
    assert len(version.sha256) == 64 and version.sha256 == texts["zh-hans"].sha256


def test_a_published_version_cannot_be_changed_or_deleted(policy):
    version = PolicyVersion.objects.get(policy=policy)
    version.material = False
    with pytest.raises(ImmutableRecordError):
        version.save()
    with pytest.raises(ImmutableRecordError):
        version.delete()
    with pytest.raises(ImmutableRecordError):
        PolicyVersion.objects.filter(pk=version.pk).update(material=False)
    with pytest.raises(ImmutableRecordError):
        PolicyVersion.objects.all().delete()
    with pytest.raises(ImmutableRecordError):
        PolicyVersionText.objects.filter(version=version).update(html="")
    assert PolicyVersion.objects.get(pk=version.pk).material is True


def test_same_day_republish_gets_a_suffix_and_a_new_date_does_not(policy):
    second = _republish(policy, material_change=False)
    third = _republish(policy, material_change=True)
    fourth = _republish(policy, updated_on=dt.date(2024, 4, 2))
    assert [second.label, third.label, fourth.label] == [
        "2024-03-01-2",
        "2024-03-01-3",
        "2024-04-02",
    ]
    assert second.material is False and third.material is True


def test_unchanged_source_keeps_its_translation_changed_source_does_not(policy):
    same = _republish(policy, material_change=False)
    assert set(same.texts.values_list("locale", flat=True)) == {"zh-hans", "en"}
    policy_import(
        text=ZH.replace("遵守法律", "遵守全部法律"),
        locale="zh-hans",
        slug="privacy",
        publish=True,
    )
    changed = PolicyVersion.objects.filter(policy=policy).first()
    assert list(changed.texts.values_list("locale", flat=True)) == ["zh-hans"]


def test_translation_published_after_a_sync_joins_the_current_version(policy):
    policy_import(
        text=ZH.replace("遵守法律", "遵守全部法律"),
        locale="zh-hans",
        slug="privacy",
        publish=True,
    )
    current = PolicyVersion.objects.filter(policy=policy).first()
    policy_import(
        text=EN.replace("obey the law", "obey every law"),
        locale="en",
        slug="privacy",
        publish=True,
    )
    english = current.texts.get(locale="en")
    assert "obey every law" in english.html


def test_a_second_english_text_for_the_current_version_is_an_editorial_version(policy):
    english = policy.get_translation(Locale.objects.get(language_code="en")).specific
    draft = english.get_latest_revision_as_object()
    draft.title = "Corrected title"
    draft.save_revision().publish()
    correction = PolicyVersion.objects.filter(policy=policy).first()
    assert correction.label == "2024-03-01-2" and correction.material is False
    assert correction.texts.get(locale="en").title == "Corrected title"
    assert correction.texts.get(locale="zh-hans").sha256 == correction.sha256
