"""Uploaded images (site photos, resource photos): checked by content, re-encoded, served safely.

What the browser sends is never stored as is: the bytes must open as a JPEG, PNG or WebP image,
which is then re-encoded as a fresh JPEG without metadata under a server-made name. So a
renamed HTML or SVG file cannot be served back, and a photo does not leak its GPS position.

Uploaded PDF documents (a signed convention) are private: checked by size and content (a PDF's
header and end-of-file marker), stored under a server-made name in a folder `/media` never
serves, and given back only by the view that checks who may read them (`document_path`).
"""
from __future__ import annotations

import hashlib
import re
import uuid
from pathlib import Path

from flask import Blueprint, abort, current_app, send_from_directory
from flask_babel import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from core.errors import DomainError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_SIDE = 2000
NAME = re.compile(r"^[0-9a-f]{32}\.jpg$")
# A site photo needs a few megapixels. A bigger picture is refused from its header, before
# decoding: a 5 KB PNG can declare 40 megapixels and cost seconds of CPU and a gigabyte of memory.
MAX_PIXELS = 12_000_000
DOCUMENT_NAME = re.compile(r"^[0-9a-f]{32}\.pdf$")

bp = Blueprint("media", __name__, url_prefix="/media")


class UploadError(DomainError):
    """An upload that is not an acceptable image; the message is for the user."""


def upload_folder() -> Path:
    folder = Path(current_app.instance_path) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_image(stream, folder: Path | None = None) -> str:
    """Check and re-encode an uploaded image; return the stored file's name. `folder`: another
    folder than the public one `/media` serves (a private photo, served after an access check)."""
    try:
        with Image.open(stream) as probe:
            if probe.format not in ALLOWED_FORMATS:
                raise UploadError(_("Send a photo in JPEG, PNG or WebP format."))
            if probe.width * probe.height > MAX_PIXELS:  # read from the header, before decoding
                raise UploadError(_("This picture is too large: send one of at most %(n)d megapixels.",
                                    n=MAX_PIXELS // 1_000_000))
            probe.verify()
        stream.seek(0)
        with Image.open(stream) as image:
            image = ImageOps.exif_transpose(image).convert("RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            name = f"{uuid.uuid4().hex}.jpg"
            image.save((folder or upload_folder()) / name, "JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError, ValueError):
        raise UploadError(_("This file is not a photo we can read.")) from None
    return name


def delete_image(name: str) -> None:
    if NAME.match(name):
        (upload_folder() / name).unlink(missing_ok=True)


def document_folder() -> Path:
    folder = upload_folder() / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_pdf(stream, max_bytes: int) -> tuple[str, str]:
    """Check and store an uploaded PDF as it is; return (stored name, SHA-256 of its bytes).

    :raises UploadError: larger than `max_bytes`, or not a PDF (no "%PDF-" header or "%%EOF").
    """
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadError(_("This file is too large: send one of at most %(n)d KB.", n=max_bytes // 1024))
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise UploadError(_("This file is not a PDF document."))
    name = f"{uuid.uuid4().hex}.pdf"
    (document_folder() / name).write_bytes(data)
    return name, hashlib.sha256(data).hexdigest()


def document_path(name: str) -> Path | None:
    """The stored document's path (the caller checked who may read it), or None."""
    if not name or not DOCUMENT_NAME.match(name):
        return None
    path = document_folder() / name
    return path if path.is_file() else None


@bp.get("/<name>")
def serve(name):
    if not NAME.match(name):
        abort(404)
    response = send_from_directory(upload_folder(), name, mimetype="image/jpeg", max_age=86400)
    response.headers["Content-Disposition"] = "inline"
    return response
