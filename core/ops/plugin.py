"""Operations as a built-in plugin: `/healthz`, `/metrics`, `tierslieux backup|restore`."""
from core.hookspecs import hookimpl
from core.ops.backup import backup, restore
from core.ops.views import ops


@hookimpl
def blueprints():
    return [ops]


@hookimpl
def cli_commands():
    return [backup, restore]
