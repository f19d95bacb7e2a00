"""This repository's own test helpers. The fixtures themselves (`app`, `client`, `mailbox`,
`make_user`, ...) come from the Tiers-Lieux pytest plugin, `devtools/pytest_plugin.py`, and the
territory they run on is `tests/territory.toml` (`tierslieux_territory` in setup.cfg)."""
from __future__ import annotations

from pathlib import Path

from devtools.ports import free_port as _free_port  # noqa: F401 -- used by tests/core/test_serving.py
from devtools.pytest_plugin import build_app

TERRITORY = CONFIG = Path(__file__).parent / "territory.toml"


def make_app(database_url, smtp_server, tmp_path, plugins=(), **overrides):
    """A second app on a test's database (also run by subprocess scripts, outside pytest)."""
    return build_app(database_url, (smtp_server.hostname, smtp_server.port), tmp_path / "instance", TERRITORY,
                     plugins, **overrides)
