"""Settings shared by every environment.

Every value that differs between deployments is read from the environment through
``env`` (django-environ); dev/test/production only override a handful of lines.
A commented list of the variables is in ``.env.example``.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env.str("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# A CSRF refusal under /api/ is a problem document like every other error there.
CSRF_FAILURE_VIEW = "frontend_api.errors.csrf_failure"

INSTALLED_APPS = [
    # ours (first, so our templates override library ones), lowest layer first
    # (docs/architecture.md; core and config are plain packages, not apps)
    "cms",
    "products",
    "legal",
    "members",
    "delivery",
    "frontend_api",
    "demo",
    # wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "members.accounts.users_app.WagtailUsersConfig",  # wagtail.users
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    # api and accounts
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "corsheaders",
    "allauth",
    "allauth.account",
    "allauth.headless",
    "allauth.usersessions",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.weixin",
    "members.accounts.wechat_miniprogram",
    "django_tasks",
    "django_tasks_db",
    # django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    "frontend_api.middleware.RequestSizeLimitMiddleware",
    "frontend_api.middleware.NullCharacterMiddleware",
    "frontend_api.middleware.JsonDepthMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # ?locale= is the language of the whole API answer, problems included
    "frontend_api.locales.RequestedLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # after allauth's: atomic sign-up, 429 problems with Retry-After under /api/v1/auth/
    "frontend_api.auth.AuthApiMiddleware",
    # unknown query parameters of a GET under /api/v1/ are a 400 problem
    "frontend_api.query_params.UnknownQueryParameterMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database: SQLite by default, PostgreSQL (psycopg 3) through DATABASE_URL ---
DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql") and not DATABASES[
    "default"
].get("NAME"):
    # postgres://user@host:5432/ names no database: use ours (tests use test_lubpur).
    DATABASES["default"]["NAME"] = "lubpur"
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL + a busy timeout let the dev server and a task worker share the file;
    # IMMEDIATE transactions take the write lock up front, so two admin requests
    # (e.g. allauth's session touch) wait for each other instead of failing at once
    # with "database is locked" when a read transaction tries to upgrade.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: local memory by default, Redis through REDIS_URL -------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="lubpur"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "lubpur",
        }
    }

# Public API responses (frontend_api.caching): rendered bytes in the cache above,
# invalidated by tags when content is published, moved, deleted or edited, so the
# server-side lifetime can be long; browsers and CDNs get the short headers below.
API_CACHE = {
    "ENABLED": env.bool("API_CACHE_ENABLED", default=True),
    "TIMEOUT": env.int("API_CACHE_TIMEOUT", default=24 * 3600),
    "MAX_AGE": env.int("API_CACHE_MAX_AGE", default=60),
    "S_MAXAGE": env.int("API_CACHE_S_MAXAGE", default=300),
    "STALE_WHILE_REVALIDATE": env.int("API_CACHE_STALE_WHILE_REVALIDATE", default=600),
    # Where the invalidation tokens live; every process must see the same ones
    # (core.cache). With Redis: the cache itself. Without: a database table, so a
    # publish by any worker or management command is seen by all at once.
    "TAG_STORE": env.str(
        "API_CACHE_TAG_STORE",
        default="core.cache.CacheTagStore"
        if REDIS_URL
        else "delivery.tag_store.DatabaseTagStore",
    ),
}

# --- Accounts ------------------------------------------------------------------
AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# django-allauth (headless): the frontends render every screen; we serve JSON only.
# Members sign in with e-mail *or* mobile phone (E.164) and a password, or with a
# code sent by SMS or e-mail. Phones are verified by an SMS code at sign-up and on
# every change (core.sms sends it, from a task); the e-mail address is always
# verified. A password opens an account by phone only once the phone is verified.
ACCOUNT_ADAPTER = "members.accounts.adapters.AccountAdapter"
HEADLESS_ADAPTER = "members.accounts.adapters.HeadlessAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "members.accounts.forms.SignupConsentForm"
ACCOUNT_LOGIN_METHODS = {"email", "phone"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "phone", "password1*"]
ACCOUNT_PHONE_VERIFICATION_ENABLED = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
# Verifying the e-mail in the session that signed up completes the sign-in.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Lubpur 超润] "
# allauth's rate limits (cache-backed, per IP / key / user): its defaults, with
# sign-ups tightened; failed logins lock a login name for 5 minutes after 5 tries.
# verify_email_key is ours: attempts at e-mail verification keys, per IP. A refusal
# is a 429 problem with Retry-After (frontend_api.auth). password_check is ours too:
# wrong passwords outside allauth's views (cancellation), per account and address;
# allauth's password change and reauthentication get the same per-address limit.
# Text messages cost money and annoy: a code a minute and ten an hour per number
# (and per e-mail address for e-mailed login codes), a few a minute per IP.
ACCOUNT_RATE_LIMITS = {
    "signup": "10/m/ip,50/h/ip",
    "verify_email_key": "20/m/ip",
    "request_login_code": "10/m/ip,1/m/key,10/h/key",
    "verify_phone": "3/m/ip,1/m/key,10/h/key",
    "password_check": "5/m/user,10/m/ip",
    "change_password": "5/m/user,10/m/ip",
    "reauthenticate": "5/m/user,10/m/ip",
}
HEADLESS_ONLY = True
HEADLESS_CLIENTS = ("browser", "app")
HEADLESS_SERVE_SPECIFICATION = True
USERSESSIONS_TRACK_ACTIVITY = True
FRONTEND_URL = env.str("FRONTEND_URL", default="http://localhost:3000")
HEADLESS_FRONTEND_URLS = {
    "account_confirm_email": f"{FRONTEND_URL}/account/verify-email/{{key}}",
    "account_reset_password_from_key": f"{FRONTEND_URL}/account/password/reset/{{key}}",
    "account_reset_password": f"{FRONTEND_URL}/account/password/reset",
    "account_signup": f"{FRONTEND_URL}/account/signup",
    # WeChat web login comes back here (allauth headless provider redirect flow).
    "socialaccount_login_error": f"{FRONTEND_URL}/account/provider/callback",
}
# Privacy requests are due this many Chinese working days after they arrive.
PRIVACY_REQUEST_DUE_WORKING_DAYS = env.int(
    "PRIVACY_REQUEST_DUE_WORKING_DAYS", default=15
)
# Sales' dashboard counts a submitted request or an open consultation still
# waiting for its first answer after this many hours as overdue.
ENQUIRY_ANSWER_HOURS = env.int("ENQUIRY_ANSWER_HOURS", default=48)
# Members under this age need a guardian's consent at sign-up (PIPL art. 31).
MEMBER_GUARDIAN_AGE = 14
# Retention (issue 13): days each kind of data is kept past its reference date,
# then ``manage.py purge_expired`` (daily) deletes it. The README's retention table
# says why; consent receipts are kept at least 3 years (checked at run time).
RETENTION = {
    "footprints": env.int("RETENTION_FOOTPRINTS_DAYS", default=180),
    "download_records": env.int("RETENTION_DOWNLOAD_RECORDS_DAYS", default=365),
    "unconfirmed_subscriptions": env.int("RETENTION_UNCONFIRMED_DAYS", default=30),
    "unsubscribed_subscriptions": env.int("RETENTION_UNSUBSCRIBED_DAYS", default=30),
    "visitor_consultations": env.int("RETENTION_CONSULTATIONS_DAYS", default=365),
    "sessions": 0,
    "finished_tasks": env.int("RETENTION_FINISHED_TASKS_DAYS", default=30),
    "privacy_requests": env.int("RETENTION_PRIVACY_REQUESTS_DAYS", default=3 * 365),
    "procurement_unfinished": env.int("RETENTION_RFQ_UNFINISHED_DAYS", default=365),
    "procurement_finished": env.int("RETENTION_RFQ_FINISHED_DAYS", default=10 * 365),
    "consent_receipts": env.int("RETENTION_CONSENT_RECEIPTS_DAYS", default=5 * 365),
    "retention_runs": env.int("RETENTION_RUNS_DAYS", default=5 * 365),
}
# Member activity: where e-mailed links point and how long signed links live.
# API_BASE_URL prefixes links served by this API (unsubscribe, tracking pixel);
# tracked clicks only ever redirect to EMAIL_LINK_ALLOWED_ORIGINS (no open redirect).
API_BASE_URL = env.str("API_BASE_URL", default="http://127.0.0.1:8000")
EMAIL_LINK_ALLOWED_ORIGINS = env.list(
    "EMAIL_LINK_ALLOWED_ORIGINS", default=[FRONTEND_URL]
)
SUBSCRIPTION_CONFIRM_MAX_AGE = env.int(
    "SUBSCRIPTION_CONFIRM_MAX_AGE", default=3 * 24 * 3600
)
SUBSCRIPTION_LINK_MAX_AGE = env.int(
    "SUBSCRIPTION_LINK_MAX_AGE", default=365 * 24 * 3600
)
# A new confirmation e-mail to the same address at most this often (seconds).
# How long a visitor's signed deletion link works (members.privacy.visitors).
VISITOR_DELETION_LINK_MAX_AGE = env.int(
    "VISITOR_DELETION_LINK_MAX_AGE", default=7 * 24 * 3600
)
SUBSCRIPTION_RESEND_INTERVAL = env.int("SUBSCRIPTION_RESEND_INTERVAL", default=600)
SUBSCRIPTION_UNSUBSCRIBE_MAILTO = env.str("SUBSCRIPTION_UNSUBSCRIBE_MAILTO", default="")

# --- Internationalisation ------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
# Staff work in Shanghai: every admin screen shows Shanghai time (no per-user zone).
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
USE_I18N = True
USE_TZ = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
# The language editors write in and translations come from (read it through
# ``core.i18n.source_language()``); the default language of the API too.
LUBPUR_SOURCE_LANGUAGE = LANGUAGE_CODE
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media files (Django storages) ----------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    # Any S3-compatible service: set AWS_S3_ENDPOINT_URL for MinIO, OSS, COS …
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=True),
            "file_overwrite": False,
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Private files: every document (members-only ones included), procurement
# attachments and avatars (core.files). Never under MEDIA_ROOT or in the public
# bucket: served only by views that check who asks.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
AWS_PRIVATE_STORAGE_BUCKET_NAME = env.str("AWS_PRIVATE_STORAGE_BUCKET_NAME", default="")
# Seconds a signed URL to a private file stays valid (a bucket only).
PRIVATE_MEDIA_URL_EXPIRE = env.int("PRIVATE_MEDIA_URL_EXPIRE", default=300)
# How a private file on the file system leaves: "django" streams it;
# "x-accel-redirect" (nginx: an internal location at PRIVATE_MEDIA_ACCEL_PREFIX
# aliased to PRIVATE_MEDIA_ROOT) or "x-sendfile" (Apache mod_xsendfile, lighttpd)
# let the web server send it after the view's checks.
PRIVATE_MEDIA_SERVE = env.str("PRIVATE_MEDIA_SERVE", default="django")
PRIVATE_MEDIA_ACCEL_PREFIX = env.str("PRIVATE_MEDIA_ACCEL_PREFIX", default="/private/")
if AWS_PRIVATE_STORAGE_BUCKET_NAME:
    _private_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_PRIVATE_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            # Always signed, never through a CDN domain (it could not sign them).
            "querystring_auth": True,
            "querystring_expire": PRIVATE_MEDIA_URL_EXPIRE,
            "default_acl": "private",
            "file_overwrite": False,
        },
    }
else:
    _private_storage = {"BACKEND": "core.files.PrivateFileSystemStorage"}
STORAGES = {
    "default": _media_storage,
    "private": _private_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
# Whole multipart bodies under /api/ (the largest upload is a 10 MB attachment).
API_UPLOAD_MAX_BYTES = env.int("API_UPLOAD_MAX_BYTES", default=11 * 1024 * 1024)

# --- E-mail (Django backends; EMAIL_URL such as smtp+tls://user:pass@host:587) ---
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Lubpur <noreply@lubpur.com>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks (django-tasks) -------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# --- Wagtail -------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Lubpur 超润"
WAGTAILADMIN_BASE_URL = env.str(
    "WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000"
)
WAGTAILIMAGES_IMAGE_MODEL = "cms.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "cms.CustomDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploads in the admin: archives that expand too far are refused (cms.forms)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.forms.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.forms.ImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "csv", "txt", "zip"]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": env.str(
            "WAGTAILSEARCH_BACKEND", default="modelsearch.backends.database"
        ),
    }
}
if env.list("WAGTAILSEARCH_URLS", default=[]):
    # An Elasticsearch/OpenSearch backend (e.g. modelsearch.backends.opensearch2)
    WAGTAILSEARCH_BACKENDS["default"]["URLS"] = env.list("WAGTAILSEARCH_URLS")
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = env.str(
        "WAGTAILSEARCH_INDEX_PREFIX", default="lubpur_"
    )
# The public search (/api/v1/search/ and the lists' q): "database" is our own
# Chinese-aware index (products.search); "wagtail" asks the Wagtail backend named
# by LUBPUR_WAGTAIL_SEARCH_BACKEND (README "Search").
LUBPUR_SEARCH_BACKEND = env.str("LUBPUR_SEARCH_BACKEND", default="database")
LUBPUR_WAGTAIL_SEARCH_BACKEND = env.str(
    "LUBPUR_WAGTAIL_SEARCH_BACKEND", default="default"
)
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Headless preview: the admin's Preview opens the draft in the frontend.
HEADLESS_PREVIEW_URL = env.str(
    "HEADLESS_PREVIEW_URL", default=f"{FRONTEND_URL}/preview"
)
# wagtail-headless-preview: Preview shows HEADLESS_PREVIEW_URL?content_type=&token=
# in the admin's preview panel; /api/v1/preview/ accepts a token this long.
WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL}}
# Without a frontend (neither URL set) the preview pane renders the page here from
# the API's data (core.preview) instead of loading a frontend that is not running.
PREVIEW_WITH_FRONTEND = env.bool(
    "PREVIEW_WITH_FRONTEND",
    default=bool(
        env.str("FRONTEND_URL", default="")
        or env.str("HEADLESS_PREVIEW_URL", default="")
    ),
)
HEADLESS_PREVIEW_TOKEN_MAX_AGE = env.int("HEADLESS_PREVIEW_TOKEN_MAX_AGE", default=3600)
# Wagtail's frontend-cache purge (CDN / Varnish), off unless configured: either the
# whole setting as JSON, e.g. {"cdn": {"BACKEND": "wagtail.contrib.frontend_cache.
# backends.CloudflareBackend", "BEARER_TOKEN": "…", "ZONEID": "…"}}, or the URL of
# an HTTP PURGE endpoint (Varnish, nginx). Publishing, unpublishing and deleting a
# page purge its API URLs under API_PUBLIC_URL (delivery.purge).
WAGTAILFRONTENDCACHE: dict = env.json("WAGTAILFRONTENDCACHE", default={})
if env.str("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env.str("FRONTEND_CACHE_PURGE_URL"),
        }
    }
API_PUBLIC_URL = env.str("API_PUBLIC_URL", default=WAGTAILADMIN_BASE_URL)
# Signed webhooks to pre-rendering frontends (delivery.webhooks): attempts per delivery
# and the first retry delay in seconds (doubled each time).
WEBHOOK_MAX_ATTEMPTS = env.int("WEBHOOK_MAX_ATTEMPTS", default=6)
WEBHOOK_RETRY_BASE_SECONDS = env.int("WEBHOOK_RETRY_BASE_SECONDS", default=30)
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=10.0)
# No Gravatar: it is unreachable from mainland China and leaks staff e-mail hashes.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No call home from editors' browsers to check for Wagtail releases.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- API -----------------------------------------------------------------------
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # apps: allauth's X-Session-Token; browsers: session cookie + CSRF
        "frontend_api.authentication.SessionTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "frontend_api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "frontend_api.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "frontend_api.errors.problem_exception_handler",
    # Overridable for load tests (bench/load.py raises them and says so).
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("THROTTLE_RATE_ANON", default="120/min"),
        "user": env.str("THROTTLE_RATE_USER", default="600/min"),
        "write": env.str("THROTTLE_RATE_WRITE", default="60/min"),
        # public forms, per IP (per member when signed in)
        "consultation": env.str("THROTTLE_CONSULTATION", default="5/hour"),
        "subscription": env.str("THROTTLE_SUBSCRIPTION", default="10/hour"),
    },
    # Behind N reverse proxies, the client's IP is the Nth address from the right of
    # X-Forwarded-For (per-IP throttles and allauth's rate limits use it).
    "NUM_PROXIES": TRUSTED_PROXY_COUNT or None,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Lubpur CMS API",
    "DESCRIPTION": (
        "Content (catalogue, guides, policies), search and member features of the "
        "Lubpur lubricant platform. Errors are RFC 7807 problem details."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Swagger UI from our own static files: no CDN, and a CSP of 'self'.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "DocumentKindEnum": "products.models.DocumentKind",
        "BaseOilEnum": "products.models.BaseOil",
        "PrivacyRequestKindEnum": "members.models.PrivacyRequest.Kind",
        "ProcurementStatusEnum": "members.models.ProcurementStatus",
        "PageKindEnum": "members.models.PageKind",
        # every language choice (profile, consultation, subscription) is one enum
        "LanguageEnum": [code for code, _name in LANGUAGES],
        "ConsultationStatusEnum": "members.models.ConsultationStatus",
        "SubscriptionStatusEnum": "members.models.SubscriptionStatus",
        "ProcurementMoveEnum": [("submitted", "Submitted"), ("cancelled", "Cancelled")],
        "PackageUnitEnum": "products.packaging.PackageUnit",
        "PackageContainerEnum": "products.packaging.PackageContainer",
        "ProcurementUnitEnum": "members.models.ProcurementUnit",
    },
    "PREPROCESSING_HOOKS": ["frontend_api.schema.only_public_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "frontend_api.schema.add_problem_responses",
    ],
}

# --- CORS: only configured origins, with credentials (session cookie) ----------
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_ALLOW_CREDENTIALS = True
CORS_URLS_REGEX = r"^/api/.*$"
# Response headers a browser frontend may read (beyond the safelisted ones):
# validators for conditional requests, rate-limit waits, pagination links, caching.
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Retry-After",
    "Link",
    "Cache-Control",
    "Vary",
    "Age",
    "X-Cache",
    "Content-Language",
    "Content-Disposition",
]
CORS_ALLOW_HEADERS = [
    "accept",
    "authorization",
    "content-type",
    "if-none-match",
    "idempotency-key",
    "x-csrftoken",
    "x-session-token",
    "x-requested-with",
    "x-visitor-id",
]

# --- Security (production tightens these) --------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
# Nothing here needs the camera, microphone, location, payment or USB APIs.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
# Content-Security-Policy by path prefix (config.middleware; first match wins). The
# admin keeps 'unsafe-inline' because Wagtail and its widgets still use inline
# scripts and styles; the docs serve Swagger UI and its init script from 'self'.
_CSP_COMMON = "object-src 'none'; base-uri 'self'; form-action 'self'"
CONTENT_SECURITY_POLICIES = [
    (
        "/api/docs/",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data:; frame-ancestors 'none'; {_CSP_COMMON}",
    ),
    ("/api/", "default-src 'none'; frame-ancestors 'none'"),
    (
        "/admin/",
        "default-src 'self'; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        f"media-src 'self' blob:; frame-ancestors 'self'; {_CSP_COMMON}",
    ),
]
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "jieba": {"level": "WARNING"},
    },
}

# --- Phone and WeChat identities (issue 16) -----------------------------------
# Codes members type from an SMS or an e-mail: six digits.
ALLAUTH_USER_CODE_FORMAT = {"numeric": True, "dashed": False, "length": 6}
# How long an SMS code lives (seconds); the text tells the member in minutes.
SMS_CODE_TIMEOUT = env.int("SMS_CODE_TIMEOUT", default=10 * 60)
ACCOUNT_PHONE_VERIFICATION_TIMEOUT = SMS_CODE_TIMEOUT
ACCOUNT_PHONE_VERIFICATION_SUPPORTS_RESEND = True
ACCOUNT_PHONE_VERIFICATION_SUPPORTS_CHANGE = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = SMS_CODE_TIMEOUT
# E-mail verification and password reset by a code the member types, for every
# client: the mini-program cannot open links, and allauth's switch is global (its
# code flows are bound to the session that asked, browser cookie or app token
# alike). A web-only deployment may switch back to links (README).
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = env.bool(
    "ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED", default=True
)
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = env.bool(
    "ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED", default=True
)

# Text messages (core.sms): console in development, a provider in production.
SMS_BACKEND = env.str("SMS_BACKEND", default="console")
SMS_FILE_PATH = env.str("SMS_FILE_PATH", default="")
SMS_TIMEOUT = env.float("SMS_TIMEOUT", default=10)
# Records of sent codes (number, time; never the code) are deleted after this.
SMS_RECORD_RETENTION_DAYS = env.int("SMS_RECORD_RETENTION_DAYS", default=90)
SMS_ALIYUN_ACCESS_KEY_ID = env.str("SMS_ALIYUN_ACCESS_KEY_ID", default="")
SMS_ALIYUN_ACCESS_KEY_SECRET = env.str("SMS_ALIYUN_ACCESS_KEY_SECRET", default="")
SMS_ALIYUN_SIGN_NAMES = env.json("SMS_ALIYUN_SIGN_NAMES", default={})
SMS_ALIYUN_TEMPLATES = env.json("SMS_ALIYUN_TEMPLATES", default={})
SMS_ALIYUN_ENDPOINT = env.str(
    "SMS_ALIYUN_ENDPOINT", default="https://dysmsapi.aliyuncs.com/"
)
SMS_ALIYUN_REGION = env.str("SMS_ALIYUN_REGION", default="cn-hangzhou")
SMS_TENCENT_SECRET_ID = env.str("SMS_TENCENT_SECRET_ID", default="")
SMS_TENCENT_SECRET_KEY = env.str("SMS_TENCENT_SECRET_KEY", default="")
SMS_TENCENT_SDK_APP_ID = env.str("SMS_TENCENT_SDK_APP_ID", default="")
SMS_TENCENT_SIGN_NAMES = env.json("SMS_TENCENT_SIGN_NAMES", default={})
SMS_TENCENT_TEMPLATES = env.json("SMS_TENCENT_TEMPLATES", default={})
SMS_TENCENT_ENDPOINT = env.str(
    "SMS_TENCENT_ENDPOINT", default="https://sms.tencentcloudapi.com/"
)
SMS_TENCENT_REGION = env.str("SMS_TENCENT_REGION", default="ap-guangzhou")

# WeChat (core.wechat): the mini-program's login and phone APIs; web login (QR
# code) through allauth's weixin provider with the Open Platform website app.
WECHAT_API_BASE_URL = env.str(
    "WECHAT_API_BASE_URL", default="https://api.weixin.qq.com"
)
WECHAT_MINIPROGRAM_APPID = env.str("WECHAT_MINIPROGRAM_APPID", default="")
WECHAT_MINIPROGRAM_SECRET = env.str("WECHAT_MINIPROGRAM_SECRET", default="")
WECHAT_TIMEOUT = env.float("WECHAT_TIMEOUT", default=5)
WECHAT_STABLE_ACCESS_TOKEN = env.bool("WECHAT_STABLE_ACCESS_TOKEN", default=True)
# A binding ticket lets the mini-program sign up or log in, then bind; seconds.
WECHAT_BINDING_TICKET_MAX_AGE = env.int("WECHAT_BINDING_TICKET_MAX_AGE", default=600)
WECHAT_WEB_APPID = env.str("WECHAT_WEB_APPID", default="")
# The QR code page the browser is sent to (open.weixin.qq.com; a fake in tests).
WECHAT_WEB_AUTHORIZE_URL = env.str(
    "WECHAT_WEB_AUTHORIZE_URL", default="https://open.weixin.qq.com/connect/qrconnect"
)
SOCIALACCOUNT_ADAPTER = "members.accounts.adapters.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_PROVIDERS = {
    "weixin": {
        # allauth's weixin provider with our adapter (members.accounts.wechat_web):
        # WECHAT_API_BASE_URL, WeChat's error codes, a minimal profile.
        "provider_class": "members.accounts.wechat_web.provider.WeChatWebProvider",
        "APPS": (
            [
                {
                    "client_id": WECHAT_WEB_APPID,
                    "secret": env.str("WECHAT_WEB_SECRET", default=""),
                }
            ]
            if WECHAT_WEB_APPID
            else []
        ),
        "SCOPE": ["snsapi_login"],
    },
}
