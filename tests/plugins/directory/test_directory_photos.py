"""Profile photos: only real images, re-encoded without metadata, kept out of /media, shown only
when the member ticks "photo", served to whoever may see the profile, gone on withdrawal and
erasure, and given back in the data download."""
from __future__ import annotations

import base64
import io
import re

from PIL import Image
from sqlalchemy import select

from core.accounts.models import User
from core.extensions import db

EN = {"Accept-Language": "en"}
GPS = 0x8825


def _jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[GPS] = {1: "N", 2: (44.0, 36.0, 31.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (120, 90), (200, 120, 40)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def _upload(client, data: bytes, name="moi.jpg", alt="Claire souriante devant le télécentre"):
    return client.post("/directory/me/photo", data={"photo": (io.BytesIO(data), name), "alt_text": alt},
                       content_type="multipart/form-data", headers=EN)


def _profile(app, person):
    from plugins.directory.models import Profile

    with app.app_context():
        return db.session.scalar(select(Profile).where(Profile.user_id == person.id))


def _photo_src(page: str) -> tuple[str, str]:
    found = re.search(r'<img class="directory-photo" src="([^"]+)" alt="([^"]*)"', page)
    return (found.group(1), found.group(2)) if found else (None, None)


def test_a_photo_is_re_encoded_without_metadata_kept_private_and_shown_only_when_ticked(
        app, client, auth, make_user, make_profile):
    assert _jpeg_with_gps() and Image.open(io.BytesIO(_jpeg_with_gps())).getexif().get(GPS)
    owner = make_profile("Claire Vidal", shown=["job"], title="Comptable")
    auth.login(owner)
    assert _upload(client, _jpeg_with_gps()).status_code == 303
    profile = _profile(app, owner)
    assert re.fullmatch(r"[0-9a-f]{32}\.jpg", profile.photo) and profile.photo_alt.startswith("Claire souriante")
    assert client.get(f"/media/{profile.photo}").status_code == 404  # not in the public folder
    own = client.get("/directory/me/photo")
    assert own.status_code == 200 and own.mimetype == "image/jpeg"
    assert not Image.open(io.BytesIO(own.data)).getexif()  # the GPS position is gone
    auth.logout()

    viewer = make_user(name="Viewer")
    auth.login(viewer)
    page = client.get(f"/directory/people/{profile.id}", headers=EN).get_data(as_text=True)
    assert _photo_src(page) == (None, None)  # "photo" not ticked yet
    assert client.get(f"/directory/people/{profile.id}/photo").status_code == 404
    auth.logout()

    auth.login(owner)
    client.post("/directory/me", data={"listed": "y", "shown": ["job", "photo"], "job_title": "Comptable",
                                       "organisation_id": "0"})
    auth.logout()
    auth.login(viewer)
    for path in (f"/directory/people/{profile.id}", "/directory?q=comptable"):
        src, alt = _photo_src(client.get(path, headers=EN).get_data(as_text=True))
        assert src.startswith(f"/directory/people/{profile.id}/photo") and alt.startswith("Claire souriante")
    served = client.get(src)
    assert served.status_code == 200 and served.mimetype == "image/jpeg"
    assert served.headers["Cache-Control"] in ("no-store", "private, no-cache")  # never in a shared cache
    assert served.headers["X-Content-Type-Options"] == "nosniff"


def test_files_that_are_not_photos_or_have_no_description_are_refused(app, client, auth, make_profile):
    owner = make_profile("Claire Vidal")
    auth.login(owner)
    for data, name, alt in [(b"<html><script>alert(1)</script></html>", "moi.jpg", "Moi"),
                            (b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "moi.svg", "Moi"),
                            (b"GIF89a" + b"\x00" * 20, "moi.gif", "Moi"),
                            (_jpeg_with_gps(), "moi.jpg", "   ")]:
        response = _upload(client, data, name, alt)
        assert response.status_code == 422
        text = response.get_data(as_text=True)
        assert "JPEG, PNG or WebP" in text or "not a photo" in text or "Describe the photo" in text
    assert _profile(app, owner).photo is None
    assert _upload(client, b"\xff" * (9 * 1024 * 1024)).status_code == 413


def test_an_unlisted_member_cannot_add_a_photo(app, client, auth, make_profile):
    person = make_profile("Quiet Person", listed=False)
    auth.login(person)
    response = _upload(client, _jpeg_with_gps())
    assert response.status_code == 422 and "before adding a photo" in response.get_data(as_text=True)
    assert _profile(app, person).photo is None


def test_photos_follow_the_profile_visibility(app_factory, make_profile):
    public = make_profile("Public Person", public=True, shown=["photo"])
    members_only = make_profile("Members Only", shown=["photo"])
    app = app_factory()
    client = app.test_client()
    ids = {}
    for name, person in (("Public Person", public), ("Members Only", members_only)):
        client.post("/login", data={"email": person.email, "password": person.password})
        assert _upload(client, _jpeg_with_gps()).status_code == 303
        client.post("/logout")
        ids[name] = _profile(app, person).id
    for profile_id in ids.values():  # a private directory: visitors are sent to sign in
        assert client.get(f"/directory/people/{profile_id}/photo").status_code == 302
    configs = app.extensions["tierslieux"].configs
    configs["directory"] = configs["directory"].model_copy(update={"public": True})
    assert client.get(f"/directory/people/{ids['Public Person']}/photo").status_code == 200
    assert client.get(f"/directory/people/{ids['Members Only']}/photo").status_code == 404


def test_withdrawing_and_erasing_remove_the_photo_and_the_export_gives_it_back(app, client, auth, make_profile):
    from core.accounts.service import erase_account
    from core.plugins import registry
    from plugins.directory import photos

    withdrawing, erased = make_profile("Withdrawing Member"), make_profile("Erased Member")
    files = {}
    for name, person in (("Withdrawing Member", withdrawing), ("Erased Member", erased)):
        auth.login(person)
        assert _upload(client, _jpeg_with_gps()).status_code == 303
        auth.logout()
        with app.test_request_context():
            files[name] = photos.path_of(_profile(app, person))
        assert files[name].is_file()

    auth.login(withdrawing)
    assert client.post("/directory/me/withdraw").status_code == 303
    auth.logout()
    assert _profile(app, withdrawing).photo is None and not files["Withdrawing Member"].exists()

    with app.test_request_context():
        user = db.session.get(User, erased.id)
        export = {}
        for part in registry().pm.hook.user_data_export(user=user):
            export.update(part or {})
        photo = export["directory"]["profile"]["photo"]
        assert photo["alt"].startswith("Claire souriante") and photo["content_type"] == "image/jpeg"
        assert Image.open(io.BytesIO(base64.b64decode(photo["base64"]))).format == "JPEG"
        erase_account(user, erased.password)
        db.session.commit()
    assert not files["Erased Member"].exists()


def test_the_sweep_keeps_profile_photos_and_deletes_an_orphan_of_the_private_folder(app, client, auth, make_profile):
    """A profile photo whose row never committed (a killed process) is personal data nobody
    can see: the daily sweep deletes it; the photos profiles name stay."""
    import os
    import time

    from core.uploads import sweep_orphans
    from plugins.directory import photos

    owner = make_profile("Claire Vidal", shown=["job"], title="Comptable")
    auth.login(owner)
    assert _upload(client, _jpeg_with_gps()).status_code == 303
    name = _profile(app, owner).photo
    with app.app_context():
        folder = photos.folder()
    orphan = folder / ("c" * 32 + ".jpg")
    orphan.write_bytes(_jpeg_with_gps())
    old = time.time() - 2 * 86400
    for path in (folder / name, orphan):
        os.utime(path, (old, old))
    with app.app_context():
        assert sweep_orphans().deleted == [orphan]
    assert not orphan.exists() and (folder / name).is_file()
    assert client.get("/directory/me/photo").status_code == 200
