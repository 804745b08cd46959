"""The admin's upload forms for documents and images
(``WAGTAILDOCS_DOCUMENT_FORM_BASE``, ``WAGTAILIMAGES_IMAGE_FORM_BASE``): a
zip-based file (xlsx, docx, zip — or an image with an archive appended) that
expands too far is refused before it is stored, as procurement attachments are
(``core.archives``). Wagtail's single and multiple upload views both validate
the file through these forms.
"""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from core.archives import archive_expansion_problem


def _checked(upload):
    """``upload`` when it is no archive or stays within the limits."""
    if not isinstance(upload, UploadedFile) or upload.size is None:
        return upload  # unchanged (the stored file) or none
    problem = archive_expansion_problem(upload, size=upload.size)
    if problem:
        raise forms.ValidationError(problem, code="archive_expands")
    return upload


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        return _checked(self.cleaned_data.get("file"))


class ImageForm(BaseImageForm):
    def clean_file(self):
        return _checked(self.cleaned_data.get("file"))
