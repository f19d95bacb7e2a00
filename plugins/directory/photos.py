"""Profile photos: checked by content and re-encoded without metadata by core.uploads, stored
under a server-made name in a private folder (`/media` does not serve it), and given back only
by the profile's photo route, to whoever may see the profile and only while the member shows
it. Withdrawing from the directory or erasing the account removes it.

Services flush; the caller commits. A replaced or removed file is deleted once the change is
committed (a job), so a rolled-back change keeps its file.
"""
from __future__ import annotations

import base64
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import select

from core.extensions import db
from core.jobs.queue import enqueue
from core.uploads import NAME, UploadError, save_image, upload_folder

from .errors import DirectoryError
from .models import Profile

DELETE_JOB = "directory.delete_photo"
MAX_ALT = 200


def folder() -> Path:
    path = upload_folder() / "directory"
    path.mkdir(parents=True, exist_ok=True)
    return path


def names_in_use():
    """Every photo a profile names (for `core.uploads.sweep_orphans`)."""
    return db.session.scalars(select(Profile.photo).where(Profile.photo.is_not(None)))


def path_of(profile: Profile) -> Path | None:
    """The stored photo's file (the caller checked who may see it), or None."""
    if not profile.photo or not NAME.match(profile.photo):
        return None
    path = folder() / profile.photo
    return path if path.is_file() else None


def set_photo(profile: Profile, stream, alt: str) -> None:
    """Store a new photo with its text alternative, replacing the old one.

    :raises DirectoryError: no description, or a file that is not a JPEG, PNG or WebP photo
        (or too many pixels); the size cap is the request's (413).
    """
    alt = " ".join((alt or "").split())
    if not alt or len(alt) > MAX_ALT:
        raise DirectoryError(_("Describe the photo for people who cannot see it."))
    try:
        name = save_image(stream, folder())
    except UploadError as error:
        raise DirectoryError(error.message) from None
    remove(profile)
    profile.photo, profile.photo_alt = name, alt


def remove(profile: Profile | None) -> None:
    """Forget the profile's photo; its file goes once this transaction commits."""
    if profile is not None and profile.photo:
        enqueue(DELETE_JOB, filename=profile.photo)
        profile.photo, profile.photo_alt = None, ""


def delete_file(filename: str) -> None:
    """The "directory.delete_photo" job."""
    if NAME.match(filename or ""):
        (folder() / filename).unlink(missing_ok=True)


def export(profile: Profile) -> dict | None:
    """The photo as the member's data download gives it back: the JPEG itself, in base64."""
    path = path_of(profile)
    if path is None:
        return None
    return {"alt": profile.photo_alt, "shown": profile.show_photo, "content_type": "image/jpeg",
            "base64": base64.b64encode(path.read_bytes()).decode("ascii")}
