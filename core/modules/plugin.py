"""Module toggles as a built-in plugin: the `tierslieux modules` command."""
from core.hookspecs import hookimpl
from core.modules.cli import modules_cli


@hookimpl
def cli_commands():
    return [modules_cli]
