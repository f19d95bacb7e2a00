"""Uploaded photos: only real images, re-encoded without metadata, served as images, size-capped."""
from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from core.sites.service import site_by_slug


def _png(size=(64, 48), color=(0, 80, 122)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def manager(auth, make_user, make_site):
    make_site("figeac")
    auth.login(make_user("site-manager", sites=["figeac"]))


def _upload(client, data: bytes, filename: str, alt="La salle de réunion"):
    return client.post("/sites/figeac/photos", data={"photo": (io.BytesIO(data), filename), "alt_text": alt},
                       content_type="multipart/form-data")


def test_a_photo_is_re_encoded_under_a_server_name_and_shown_with_its_alt(app, client, manager):
    assert _upload(client, _png(), "../../etc/evil.png").status_code == 303
    page = client.get("/sites/figeac").get_data(as_text=True)
    src = re.search(r'<img src="(/media/[0-9a-f]{32}\.jpg)" alt="La salle de réunion"', page).group(1)
    served = client.get(src)
    assert served.status_code == 200 and served.mimetype == "image/jpeg"
    assert Image.open(io.BytesIO(served.data)).format == "JPEG"
    assert served.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("data, name", [
    (b"<html><script>alert(1)</script></html>", "photo.png"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "photo.svg"),
    (_png()[:40], "truncated.png"),
    (b"GIF89a" + b"\x00" * 20, "anim.gif"),
])
def test_files_that_are_not_photos_are_refused_in_french(app, client, manager, data, name):
    response = _upload(client, data, name)
    assert response.status_code == 303
    flashed = client.get("/sites/figeac/edit").get_data(as_text=True)
    assert "JPEG, PNG ou WebP" in flashed or "n&#39;est pas une photo" in flashed
    with app.app_context():
        assert site_by_slug("figeac").photos == []


def test_a_photo_needs_a_description(app, client, manager):
    _upload(client, _png(), "p.png", alt="   ")
    with app.app_context():
        assert site_by_slug("figeac").photos == []


def test_oversized_uploads_get_413(client, manager):
    response = _upload(client, b"\xff" * (9 * 1024 * 1024), "big.jpg")
    assert response.status_code == 413


def test_media_names_are_checked(client):
    assert client.get("/media/..%2Fsecret_key").status_code == 404
    assert client.get("/media/notahexname.jpg").status_code == 404


def test_removing_a_photo_deletes_its_file(app, client, manager):
    _upload(client, _png(), "p.png")
    with app.app_context():
        [photo] = site_by_slug("figeac").photos
        photo_id, name = photo.id, photo.filename
    assert client.get(f"/media/{name}").status_code == 200
    assert client.post(f"/sites/figeac/photos/{photo_id}/delete").status_code == 303
    assert client.get(f"/media/{name}").status_code == 404


def _bomb_png() -> bytes:
    """39.7 megapixels of one colour: a few kilobytes on the wire, seconds of CPU to decode."""
    buffer = io.BytesIO()
    Image.new("1", (6300, 6300)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def test_a_decompression_bomb_png_is_refused_before_decoding(app, client, manager):
    import time

    data = _bomb_png()
    assert len(data) < 20_000
    started = time.perf_counter()
    response = _upload(client, data, "bomb.png")
    elapsed = time.perf_counter() - started
    assert response.status_code == 303
    assert "trop grande" in client.get("/sites/figeac/edit").get_data(as_text=True)
    with app.app_context():
        assert site_by_slug("figeac").photos == []
    assert elapsed < 1.0  # decoding it takes seconds; refusing it from the header, milliseconds


def test_a_photo_whose_transaction_does_not_commit_leaves_no_file(app, make_user, make_site):
    """The file is written before the commit: a rollback takes it away, a commit keeps it."""
    from core.accounts.models import User
    from core.extensions import db
    from core.sites.service import add_photo
    from core.uploads import upload_folder

    make_site("figeac")
    admin = make_user("territory-admin")
    with app.test_request_context():
        before = {path.name for path in upload_folder().glob("*.jpg")}
        photo = add_photo(site_by_slug("figeac"), io.BytesIO(_png()), "La salle", db.session.get(User, admin.id))
        assert (upload_folder() / photo.filename).is_file()
        db.session.rollback()
        assert {path.name for path in upload_folder().glob("*.jpg")} == before
        kept = add_photo(site_by_slug("figeac"), io.BytesIO(_png()), "La salle", db.session.get(User, admin.id))
        db.session.commit()
        assert (upload_folder() / kept.filename).is_file()


def _aged(path, days=2):
    """Make a file look `days` old, as one left by a crash the day before."""
    import os
    import time

    old = time.time() - days * 86400
    os.utime(path, (old, old))
    return path


def test_the_sweep_deletes_only_old_files_no_row_names(app, client, manager, runner):
    """A process killed between writing a photo and committing its row leaves a file nobody
    can see: the daily sweep deletes it once a day old. A named photo stays however old, a
    young file may be a request still committing, and a file not named as uploads are named
    is the operator's."""
    from core.uploads import sweep_orphans, upload_folder

    assert _upload(client, _png(), "p.png").status_code == 303
    with app.app_context():
        [photo] = site_by_slug("figeac").photos
        folder = upload_folder()
    named = _aged(folder / photo.filename)
    orphan = folder / ("a" * 32 + ".jpg")
    orphan.write_bytes(_png())
    _aged(orphan)
    young = folder / ("b" * 32 + ".jpg")
    young.write_bytes(_png())
    notes = folder / "README.txt"
    notes.write_text("the operator's")
    _aged(notes)

    with app.app_context():
        assert sweep_orphans(dry_run=True).deleted == [orphan]
        assert orphan.is_file()
    result = runner.invoke(args=["uploads", "sweep"])
    assert result.exit_code == 0, result.output
    assert f"deleted {orphan}" in result.output and "1 file(s)" in result.output
    assert not orphan.exists()
    assert named.is_file() and young.is_file() and notes.is_file()
    assert client.get(f"/media/{photo.filename}").status_code == 200
    result = runner.invoke(args=["uploads", "sweep", "--older-than-hours", "0"])
    assert result.exit_code == 2 and young.is_file()  # an hour at least: a commit in flight is never swept


def test_the_sweep_holds_back_a_folder_it_would_mostly_empty(app, client, manager, runner):
    """Run against the wrong database (empty, or restored from an older backup), the sweep
    would take files rows still name: more than half of a folder is held back, said on
    stderr, and deleted only with --force."""
    from core.uploads import upload_folder

    with app.app_context():
        folder = upload_folder()
    strays = [folder / (letter * 32 + ".jpg") for letter in "abc"]
    for path in strays:
        path.write_bytes(_png())
        _aged(path)
    result = runner.invoke(args=["uploads", "sweep"])
    assert result.exit_code == 0 and "0 file(s)" in result.output
    assert f"held back: 3 file(s) in {folder.resolve()}" in result.output
    assert all(path.is_file() for path in strays)
    result = runner.invoke(args=["uploads", "sweep", "--force"])
    assert "3 file(s)" in result.output and not any(path.exists() for path in strays)
