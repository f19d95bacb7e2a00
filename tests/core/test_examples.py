"""The complete example plugin (`examples/noticeboard`, written by `tierslieux new-plugin`)
passes its own tests with the project's fixtures, as a plugin in its own repository would."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_example_plugin_passes_its_own_tests():
    # SQLite only: a second run must not empty the PostgreSQL database of this one.
    env = {key: value for key, value in os.environ.items() if key != "TEST_DATABASE_URL"}
    run = subprocess.run([sys.executable, "-m", "pytest", "-o", "addopts=", "-q", "-p", "no:cacheprovider", "-o",
                          "tierslieux_plugins=examples.noticeboard.plugin", "examples/noticeboard/tests"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert " passed" in run.stdout and " failed" not in run.stdout
