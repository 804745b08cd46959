"""Every role's admin dashboard shows its work: sales the new, unassigned and
overdue enquiries; editors catalogue drafts and pages in review; Legal policies
awaiting translation or review. Each panel only for its role."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Workflow

from legal.importer import policy_import
from members.enquiries.selectors import sales_inbox_counts
from members.enquiries.services.consultations import consultation_create
from members.enquiries.services.procurement import procurement_request_create
from members.models import Consultation, ProcurementRequest
from tests.factories import ProductPageFactory
from tests.factories.members import MemberFactory, StaffFactory
from tests.legal.fixtures import ZH

pytestmark = pytest.mark.django_db


def staff_in(client, *groups):
    user = StaffFactory()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    client.force_login(user)
    return user


def rfq(title="液压油采购", submit=True):
    return procurement_request_create(
        user=MemberFactory(),
        data={"title": title, "delivery_province": "上海市", "delivery_city": "上海市"},
        items=[{"description": "机油", "quantity": "1", "unit": "t"}],
        submit=submit,
    )[0]


def question(name="访客甲"):
    return consultation_create(
        user=None, message="有没有 46 号液压油？", name=name, email="v@example.com"
    )


def cell(html: str, which: str) -> list[str]:
    return re.findall(rf'data-sales-count="{which}">(?:<strong[^>]*>)?(\d+)', html)


def test_sales_counts_new_unassigned_and_overdue(settings):
    settings.ENQUIRY_ANSWER_HOURS = 48
    fresh, late, assigned = rfq("新"), rfq("旧"), rfq("已分配")
    rfq("草稿", submit=False)  # a member's draft is not sales' work
    long_ago = timezone.now() - datetime.timedelta(hours=49)
    ProcurementRequest.objects.filter(pk=late.pk).update(submitted_at=long_ago)
    ProcurementRequest.objects.filter(pk=assigned.pk).update(
        assignee=StaffFactory(), status="processing"
    )
    open_question, old_question = question(), question("访客乙")
    Consultation.objects.filter(pk=old_question.pk).update(created_at=long_ago)
    answered = question("访客丙")
    Consultation.objects.filter(pk=answered.pk).update(status="answered")

    counts = sales_inbox_counts()

    assert (counts["procurement"].new, counts["procurement"].overdue) == (2, 1)
    assert counts["procurement"].unassigned == 2  # fresh and late
    assert fresh.status == "submitted"
    assert (
        counts["consultation"].new,
        counts["consultation"].unassigned,
        counts["consultation"].overdue,
    ) == (2, 2, 1)
    assert open_question.status == "open"


def test_the_sales_dashboard_shows_the_figures_in_chinese(client):
    rfq()
    staff_in(client, "Sales")

    html = client.get("/admin/").content.decode()

    assert "待销售处理" in html
    assert "逾期（超过 48 小时未答复）" in html
    assert cell(html, "new") == ["1", "0"]
    assert "产品目录工作" not in html and "待翻译或待审核的政策" not in html


def test_editors_see_catalogue_drafts_and_pages_in_review(client, tree):
    staff_in(client, "Editors")
    draft = ProductPageFactory(parent=tree.products["zh-hans"], title="未发布的液压油")
    draft.title = "改过的液压油"
    draft.save_revision()
    reviewed = ProductPageFactory(parent=tree.products["zh-hans"], title="待审的齿轮油")
    reviewed.save_revision()
    ProductPageFactory(parent=tree.products["zh-hans"], title="已发布的机油")
    Workflow.objects.filter(active=True).first().start(reviewed, StaffFactory())

    html = client.get("/admin/").content.decode()

    assert "产品目录工作" in html
    drafts = html.split('data-catalogue-work="drafts"')[1].split("</ul>")[0]
    review = html.split('data-catalogue-work="review"')[1].split("</ul>")[0]
    assert "改过的液压油" in drafts and "已发布的机油" not in drafts
    assert "待审的齿轮油" in review and "改过的液压油" not in review
    assert "待销售处理" not in html


def test_legal_sees_policies_awaiting_translation_and_review(client, tree):
    staff_in(client, "Legal")
    policy = policy_import(text=ZH, locale="zh-hans", slug="privacy", publish=True)
    Workflow.objects.filter(active=True).first().start(policy.page, StaffFactory())

    html = client.get("/admin/").content.decode()

    assert "待翻译或待审核的政策" in html
    review = html.split("data-legal-review")[1].split("</ul>")[0]
    assert policy.page.title in review
    assert "产品目录工作" not in html and "待销售处理" not in html


def menu_urls(client) -> set[str]:
    html = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    return set(re.findall(r'"url": "(/admin/[^"]*)"', props.group(1)))


@pytest.mark.parametrize(
    ("group", "shown", "hidden"),
    [
        (
            "Sales",
            {"/admin/procurement_requests/", "/admin/consultations/"},
            {"/admin/product_pages/", "/admin/legal/policies/"},
        ),
        (
            "Privacy Officer",
            {"/admin/privacy_requests/"},
            {"/admin/product_pages/", "/admin/legal/policies/"},
        ),
        (
            "Legal",
            {"/admin/legal/policies/", "/admin/legal/awaiting-translation/"},
            {"/admin/product_pages/", "/admin/procurement_requests/"},
        ),
        (
            "Editors",
            {"/admin/product_pages/", "/admin/guide_pages/"},
            {"/admin/legal/policies/", "/admin/privacy_requests/"},
        ),
        (
            "Translators",
            {"/admin/product_pages/", "/admin/legal/awaiting-translation/"},
            {"/admin/procurement_requests/"},
        ),
    ],
)
def test_each_role_menu_holds_its_work_only(client, tree, group, shown, hidden):
    staff_in(client, group)

    urls = menu_urls(client)

    assert shown <= urls, urls
    assert not hidden & urls, urls
