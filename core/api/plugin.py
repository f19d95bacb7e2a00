"""The API base as a built-in plugin."""
from core.api.views import api
from core.hookspecs import hookimpl


@hookimpl
def blueprints():
    return [api]
