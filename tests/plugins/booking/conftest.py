"""Fixtures for booking tests: resources, the next open weekday at a site, a live HTTP server."""
from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from core.extensions import db


@pytest.fixture
def make_resource(app):
    from core.sites.service import site_by_slug
    from plugins.booking.resources import save_resource

    def make(site_slug="figeac", kind="desk", name=None, **values) -> int:
        with app.app_context():
            site = site_by_slug(site_slug)
            resource = save_resource(site, None, kind=kind, name=name or f"{kind} {values.pop('n', 1)}",
                                     **values)
            db.session.commit()
            return resource.id

    return make


@pytest.fixture
def site_with_desk(make_site, make_resource):
    make_site("figeac")
    return make_resource("figeac", "desk", "Poste 1", group_name="Open space")


@pytest.fixture
def live_server(app):
    """The app served over real HTTP by a threaded werkzeug server."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)
    with app.app_context():
        db.session.remove()
