"""Private files: members-only documents (and every other document), procurement
attachments and avatars live in the ``private`` storage (``STORAGES["private"]``),
never in the public media storage that ``MEDIA_URL`` serves.

* Storage: a folder outside ``MEDIA_ROOT`` (``PRIVATE_MEDIA_ROOT``) by default —
  no URL serves it, ``url()`` raises ``NotImplementedError`` as Wagtail expects of
  a storage without URLs; in production a private S3-compatible bucket
  (``AWS_PRIVATE_STORAGE_BUCKET_NAME``) whose URLs are always signed and expire
  after ``PRIVATE_MEDIA_URL_EXPIRE`` seconds.
* Serving: only views that checked who asks call ``private_file_response``: from
  a folder it streams the file itself, or — ``PRIVATE_MEDIA_SERVE`` =
  ``x-accel-redirect`` (nginx) or ``x-sendfile`` (Apache, lighttpd, Caddy) — tells
  the web server which file to send; from a bucket it redirects to a signed URL.
* Names: a random folder or name per file (``private_name``), so a path never
  says whose a file is or which product it belongs to.
"""

from __future__ import annotations

import mimetypes
import secrets
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils.deconstruct import deconstructible
from django.utils.encoding import iri_to_uri
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header

SERVE_METHODS = ("django", "x-accel-redirect", "x-sendfile")


def private_storage() -> Storage:
    """The ``private`` storage (a callable, so migrations name it, not its options)."""
    return storages["private"]


@deconstructible
class PrivateFileSystemStorage(FileSystemStorage):
    """A folder no URL serves: ``url()`` raises ``NotImplementedError``, so nothing
    can hand out a link that bypasses the views' checks."""

    @cached_property
    def base_location(self) -> str:
        location = self.__dict__.get("_location")
        return self._value_or_setting(location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting: Any, **kwargs: Any) -> None:
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name: str | None) -> str:
        raise NotImplementedError("Private files are served by views, not URLs.")


def private_name(folder: str, filename: str) -> str:
    """``<folder>/<24 random hex digits>/<filename>``: unguessable, and the file
    keeps its own name (Wagtail's document URL and downloads use it)."""
    return f"{folder}/{secrets.token_hex(12)}/{filename}"


def _serve_method() -> str:
    method = getattr(settings, "PRIVATE_MEDIA_SERVE", "django")
    if method not in SERVE_METHODS:
        raise ImproperlyConfigured(
            f"PRIVATE_MEDIA_SERVE must be one of {', '.join(SERVE_METHODS)}."
        )
    return method


def private_file_response(
    file: Any,
    *,
    filename: str,
    content_type: str | None = None,
    as_attachment: bool = True,
) -> HttpResponse | FileResponse:
    """The response that delivers the stored ``file`` (a ``FieldFile``) to a
    client a view has already checked. Raises ``FileNotFoundError`` when the
    storage has no such file. Never cached by shared caches."""
    storage, name = file.storage, file.name
    content_type = (
        content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    )
    disposition = content_disposition_header(as_attachment, filename)
    try:
        local_path = storage.path(name)
    except NotImplementedError:
        local_path = None
    response: HttpResponse | FileResponse
    if local_path is None:
        # A bucket: a signed URL that expires soon, naming the download.
        parameters = {"ResponseContentDisposition": disposition or "attachment"}
        parameters["ResponseContentType"] = content_type
        try:
            url = storage.url(
                name,
                parameters=parameters,
                expire=getattr(settings, "PRIVATE_MEDIA_URL_EXPIRE", 300),
            )
        except TypeError:  # a storage whose url() takes the name only
            url = storage.url(name)
        response = HttpResponseRedirect(url)
    else:
        if not storage.exists(name):
            raise FileNotFoundError(name)
        method = _serve_method()
        if method == "django":
            response = FileResponse(
                open(local_path, "rb"),
                as_attachment=as_attachment,
                filename=filename,
                content_type=content_type,
            )
        else:
            response = HttpResponse(content_type=content_type)
            if method == "x-accel-redirect":
                prefix = getattr(settings, "PRIVATE_MEDIA_ACCEL_PREFIX", "/private/")
                response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(name)
            else:
                response["X-Sendfile"] = iri_to_uri(local_path)
            if disposition:
                response["Content-Disposition"] = disposition
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def private_files_move(
    model: Any, field: str, *, folder: str | None = None
) -> dict[str, int]:
    """Move the files of ``model.<field>`` that are still in the public storage
    (``STORAGES["default"]``) into the private one, and point the rows at them.

    With ``folder`` a moved file gets a fresh unguessable name
    (``private_name(folder, <its name>)``); without, it keeps its name (already
    random). Idempotent: a row whose file is already private is left alone, so a
    second run moves nothing. Returns how many were ``moved``, ``private``
    already, and ``missing`` (in neither storage)."""
    public, private = storages["default"], private_storage()
    counts = {"moved": 0, "private": 0, "missing": 0}
    rows = (
        model._default_manager.exclude(**{field: ""})
        .exclude(**{f"{field}__isnull": True})
        .values_list("pk", field)
    )
    for pk, name in rows.iterator():
        if private.exists(name):
            counts["private"] += 1
            continue
        if not public.exists(name):
            counts["missing"] += 1
            continue
        target = private_name(folder, name.rsplit("/", 1)[-1]) if folder else name
        with public.open(name, "rb") as source:
            stored = private.save(target, source)
        model._default_manager.filter(pk=pk).update(**{field: stored})
        public.delete(name)
        counts["moved"] += 1
    return counts
