"""Members and staff users, verified the way allauth records it."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress

from members.models import User

PASSWORD = "correct horse battery 42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"buyer{n}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        obj.save()
        if create and extracted is not False:
            EmailAddress.objects.create(
                user=obj, email=obj.email, verified=True, primary=True
            )


class MemberFactory(UserFactory):
    display_name = factory.Sequence(lambda n: f"王经理{n}")
    phone = factory.Sequence(lambda n: f"+86138{n:08d}")
    phone_verified = True
    wechat_id = factory.Sequence(lambda n: f"wx_buyer_{n}")
    qq = factory.Sequence(lambda n: f"{10000 + n}")
    company_name = factory.Sequence(lambda n: f"上海润滑采购{n}有限公司")
    company_address = "上海市浦东新区张江路 1 号"
    contact_address = "上海市徐汇区漕溪北路 88 号"
    position = "采购经理"


class StaffFactory(UserFactory):
    is_staff = True
    first_name = "Li"
    last_name = "Service"
