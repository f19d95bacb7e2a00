"""Uploaded images (site photos, resource photos): checked by content, re-encoded, served safely.

What the browser sends is never stored as is: the bytes must open as a JPEG, PNG or WebP image,
which is then re-encoded as a fresh JPEG without metadata under a server-made name. So a
renamed HTML or SVG file cannot be served back, and a photo does not leak its GPS position.

Uploaded PDF documents (a signed convention) are private: checked by size and content (a PDF's
header and end-of-file marker), stored under a server-made name in a folder `/media` never
serves, and given back only by the view that checks who may read them (`document_path`).

A file is written before the transaction that records its name commits. So every file saved
here is remembered by the session until that transaction ends: kept when it commits, deleted
when it rolls back or is closed without committing (a later refusal, a database failure, an
unhandled error), so no file is left that no row names. A replaced or removed file is the
caller's to delete once the change commits (a job: a rolled-back change keeps its file). A
process killed between the write and the commit leaves its file behind: `sweep_orphans`
(`tierslieux uploads sweep`, daily) deletes such files once a day old, in the folders the
plugins name through the `uploads_in_use` hook.
"""
from __future__ import annotations

import hashlib
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from flask import Blueprint, abort, current_app, send_from_directory
from flask_babel import gettext as _, ngettext
from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import event
from sqlalchemy.orm import Session

from core.errors import DomainError
from core.extensions import db

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_SIDE = 2000
NAME = re.compile(r"^[0-9a-f]{32}\.jpg$")
# A site photo needs a few megapixels. A bigger picture is refused from its header, before
# decoding: a 5 KB PNG can declare 40 megapixels and cost seconds of CPU and a gigabyte of memory.
MAX_PIXELS = 12_000_000
DOCUMENT_NAME = re.compile(r"^[0-9a-f]{32}\.pdf$")
PENDING_KEY = "uploads_pending"

bp = Blueprint("media", __name__, url_prefix="/media")


class UploadError(DomainError):
    """An upload that is not an acceptable image; the message is for the user."""


def _pending(path: Path) -> None:
    """Remember a file just written until the current transaction ends (see the module's doc)."""
    session = db.session()
    if session.get_transaction() is None:
        session.begin()  # so that closing the session without a commit still ends a transaction
    session.info.setdefault(PENDING_KEY, []).append(path)


@event.listens_for(Session, "after_commit")
def _keep_pending(session):
    if not session.in_nested_transaction():  # a released SAVEPOINT: the real commit is to come
        session.info.pop(PENDING_KEY, None)


@event.listens_for(Session, "after_transaction_end")
def _drop_pending(session, transaction):
    # After a commit the list is gone already; what is left was never committed.
    if transaction.parent is None:
        for path in session.info.pop(PENDING_KEY, ()):
            path.unlink(missing_ok=True)


def upload_folder() -> Path:
    folder = Path(current_app.instance_path) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_image(stream, folder: Path | None = None) -> str:
    """Check and re-encode an uploaded image; return the stored file's name. `folder`: another
    folder than the public one `/media` serves (a private photo, served after an access check).

    A plugin's rows naming files must be given to `tierslieux uploads sweep` through the
    `uploads_in_use` hook, the public folder's included (the core gives it for site photos):
    a file no row names there goes once a day old."""
    try:
        with Image.open(stream) as probe:
            if probe.format not in ALLOWED_FORMATS:
                raise UploadError(_("Send a photo in JPEG, PNG or WebP format."))
            if probe.width * probe.height > MAX_PIXELS:  # read from the header, before decoding
                raise UploadError(ngettext("This picture is too large: send one of at most %(num)d megapixel.",
                                             "This picture is too large: send one of at most %(num)d megapixels.",
                                             MAX_PIXELS // 1_000_000))
            probe.verify()
        stream.seek(0)
        with Image.open(stream) as image:
            image = ImageOps.exif_transpose(image).convert("RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            name = f"{uuid.uuid4().hex}.jpg"
            path = (folder or upload_folder()) / name
            image.save(path, "JPEG", quality=85, optimize=True)
            _pending(path)
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
        raise UploadError(ngettext("This file is too large: send one of at most %(num)d KB.",
                                    "This file is too large: send one of at most %(num)d KB.", max_bytes // 1024))
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise UploadError(_("This file is not a PDF document."))
    name = f"{uuid.uuid4().hex}.pdf"
    path = document_folder() / name
    path.write_bytes(data)
    _pending(path)
    return name, hashlib.sha256(data).hexdigest()


def delete_document(filename: str) -> None:
    """Remove a stored document (a job's work, once the change that dropped it committed)."""
    if filename and DOCUMENT_NAME.match(filename):
        (document_folder() / filename).unlink(missing_ok=True)


def document_path(name: str) -> Path | None:
    """The stored document's path (the caller checked who may read it), or None."""
    if not name or not DOCUMENT_NAME.match(name):
        return None
    path = document_folder() / name
    return path if path.is_file() else None


@dataclass
class Sweep:
    """What `sweep_orphans` did: the files deleted (or that would be), and per folder the
    number it held back as more than half of that folder's uploads."""

    deleted: list[Path] = field(default_factory=list)
    held_back: dict[Path, int] = field(default_factory=dict)


def sweep_orphans(older_than: timedelta = timedelta(days=1), *, dry_run=False, force=False) -> Sweep:
    """Delete the stored files no row names, in the folders the plugins give (`uploads_in_use`),
    when older than `older_than`.

    The names in use are read first and the folders listed after: a file written since is
    younger than the cut-off, and a transaction writing a file commits long before a day has
    passed, so a file whose row is on its way is never taken. Only files named as this module
    names them are considered; anything else an operator put there stays. A folder where more
    than half the uploads would go is left alone unless `force`: the database read is more
    likely the wrong one (empty, or restored from an older backup) than half the files orphans.
    """
    from core.plugins import registry

    in_use: dict[Path, set[str]] = {}
    for answer in registry().pm.hook.uploads_in_use():
        for folder, names in (answer or {}).items():
            in_use.setdefault(Path(folder).resolve(), set()).update(name for name in names if name)
    cutoff = time.time() - older_than.total_seconds()
    result = Sweep()
    for folder, names in sorted(in_use.items()):
        if not folder.is_dir():
            continue
        uploads = [path for path in sorted(folder.iterdir())
                   if (NAME.match(path.name) or DOCUMENT_NAME.match(path.name)) and path.is_file()]
        orphans = [path for path in uploads if path.name not in names and path.stat().st_mtime < cutoff]
        if orphans and 2 * len(orphans) > len(uploads) and not force:
            result.held_back[folder] = len(orphans)
            continue
        for path in orphans:
            if not dry_run:
                path.unlink(missing_ok=True)
            result.deleted.append(path)
    return result


@bp.get("/<name>")
def serve(name):
    if not NAME.match(name):
        abort(404)
    response = send_from_directory(upload_folder(), name, mimetype="image/jpeg", max_age=86400)
    response.headers["Content-Disposition"] = "inline"
    return response
