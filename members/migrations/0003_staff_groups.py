"""The five staff groups and their permissions (names are shared across apps).

Editors edit and publish pages, images, documents and catalogue snippets; Translators
edit (not publish) and submit translations; Legal gets admin access here and its policy
page permissions from the legal app's own migration; Sales see members and assign
their customer service; the Privacy Officer also works the privacy-request queue.
Re-running is harmless (get_or_create).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACCESS = [("wagtailadmin", "admin", "access_admin")]
MEDIA_CHOOSE = [
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "choose_document"),
]
MEDIA_EDIT = [
    *MEDIA_CHOOSE,
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "change_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
]
MEMBERS = [
    ("members", "member", "view_member"),
    ("members", "member", "change_member"),
]
SNIPPETS = [
    ("products", model, f"{action}_{model}")
    for model in ("brand", "productcategory")
    for action in ("add", "change", "delete", "view")
]
TRANSLATE = [("wagtail_localize", "translation", "submit_translation")]

GROUPS = {
    "Editors": {
        "model": [*ACCESS, *SNIPPETS, *TRANSLATE],
        "page": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collection": MEDIA_EDIT,
    },
    "Translators": {
        "model": [
            *ACCESS,
            *TRANSLATE,
            ("products", "brand", "change_brand"),
            ("products", "productcategory", "change_productcategory"),
        ],
        "page": ["change_page"],
        "collection": MEDIA_CHOOSE,
    },
    "Legal": {"model": [*ACCESS], "page": [], "collection": MEDIA_CHOOSE},
    "Sales": {"model": [*ACCESS, *MEMBERS], "page": [], "collection": []},
    "Privacy Officer": {
        "model": [
            *ACCESS,
            *MEMBERS,
            ("members", "privacyrequest", "view_privacyrequest"),
            ("members", "privacyrequest", "change_privacyrequest"),
        ],
        "page": [],
        "collection": [],
    },
}


def _permission(apps, app_label, model, codename):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def create_groups(apps, schema_editor):
    # Permissions are normally made after migrate; make them now for a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name, spec in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(apps, *item) for item in spec["model"]])
        for codename in spec["page"]:
            if root_page is not None:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=_permission(apps, "wagtailcore", "page", codename),
                )
        for item in spec["collection"]:
            if root_collection is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, *item),
                )


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_profile_and_privacy_requests"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("products", "0001_initial"),
        ("cms", "0003_locales_and_home"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
