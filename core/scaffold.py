"""`tierslieux new-plugin NAME`: write a plugin that works and passes its own tests at once.

The files come from `core/skeleton/` (see its README): a table and its migration branch, a
service that flushes, views that commit, a form, templates extending base.html, a menu entry,
a site-page section, `MODULE`, export and erase hooks, a French catalogue, and tests using the
project's fixtures. In this project it also registers the plugin (an entry point in setup.cfg,
offered by the test territory), so `make test` runs its tests with the rest.
"""
from __future__ import annotations

import keyword
import re
from importlib.metadata import entry_points
from pathlib import Path

import click
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

SKELETON = Path(__file__).resolve().parent / "skeleton"
NAME = re.compile(r"^[a-z][a-z0-9_]{1,30}$")
# Blueprint, URL and command names the core already uses.
RESERVED = {"core", "plugins", "tests", "static", "api", "admin", "sites", "site", "account", "auth",
            "media", "i18n", "home", "db", "modules", "users", "tokens", "mail", "routes", "shell", "run",
            "jobs", "worker", "new-plugin", "serve-demo", "stripe-emulator", "territory", "check"}


class ScaffoldError(click.ClickException):
    pass


def check_name(name: str) -> None:
    if not NAME.match(name) or keyword.iskeyword(name):
        raise ScaffoldError(f"'{name}': a plugin name is 2-31 lowercase letters, digits or _, starting with a letter")
    taken = RESERVED | {ep.name for ep in entry_points(group="tierslieux.plugins")}
    if name in taken:
        raise ScaffoldError(f"'{name}' is already used by the core or an installed plugin")


def _render(text: str, name: str) -> str:
    title = name.replace("_", " ").capitalize()
    camel = "".join(part.capitalize() for part in name.split("_"))
    return text.replace("XPLUGX_TITLE", title).replace("Xplugx", camel).replace("xplugx", name)


def write_plugin(name: str, directory: Path, tests_dir: Path) -> list[Path]:
    """Write the package `directory/name` and its tests in `tests_dir`; return the files."""
    check_name(name)
    target = directory / name
    if target.exists() or (tests_dir / f"test_{name}.py").exists():
        raise ScaffoldError(f"{target} or its tests already exist: nothing written")
    written = []
    for source in sorted(SKELETON.rglob("*.tmpl")):
        relative = source.relative_to(SKELETON)
        base = tests_dir if relative.parts[0] == "tests" else target
        parts = relative.parts[1:] if relative.parts[0] == "tests" else relative.parts
        path = base.joinpath(*(_render(part, name) for part in parts)).with_suffix("")  # drop .tmpl
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_render(source.read_text(encoding="utf-8"), name), encoding="utf-8")
        written.append(path)
    for po in target.glob("translations/*/LC_MESSAGES/messages.po"):  # `make translations` does it too
        with po.open("rb") as source, po.with_suffix(".mo").open("wb") as compiled:
            write_mo(compiled, read_po(source))
    return written


def register(root: Path, name: str, package: str) -> list[str]:
    """Add the entry point to root/setup.cfg and offer the plugin in root/tests/territory.toml."""
    done = []
    setup = root / "setup.cfg"
    lines = setup.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip() == "tierslieux.plugins ="), None)
    if start is None:
        raise ScaffoldError(f"{setup}: no 'tierslieux.plugins =' entry-point group")
    end = start + 1
    while end < len(lines) and lines[end].startswith((" ", "\t")) and lines[end].strip():
        end += 1
    lines.insert(end, f"    {name} = {package}.plugin\n")
    setup.write_text("".join(lines), encoding="utf-8")
    done.append(f"setup.cfg: entry point {name} = {package}.plugin")
    territory = root / "tests" / "territory.toml"
    if territory.exists():
        text = territory.read_text(encoding="utf-8")
        new, count = re.subn(r'^(offered = \[)([^\]]*)\]', lambda m: f'{m[1]}{m[2]}{", " if m[2].strip() else ""}"{name}"]',
                             text, count=1, flags=re.M)
        if count:
            territory.write_text(new, encoding="utf-8")
            done.append(f"tests/territory.toml: '{name}' offered (switched on by its tests)")
    return done


@click.command("new-plugin")
@click.argument("name")
@click.option("--dir", "directory", default="plugins", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder of the plugin packages.")
@click.option("--tests", "tests_dir", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Folder of its tests (default: tests/plugins/NAME).")
@click.option("--register/--no-register", "do_register", default=True, show_default=True,
              help="Add its entry point to ./setup.cfg and offer it in ./tests/territory.toml.")
def new_plugin(name, directory, tests_dir, do_register):
    """Write a working plugin skeleton NAME (table, page, form, menu, French, tests)."""
    tests_dir = tests_dir or Path("tests") / "plugins" / name
    root = Path.cwd()
    if do_register:  # checked before anything is written
        if "tierslieux.plugins =" not in ((root / "setup.cfg").read_text(encoding="utf-8")
                                          if (root / "setup.cfg").exists() else ""):
            raise ScaffoldError(f"{root} has no setup.cfg with a tierslieux.plugins group: run this at the "
                                "project's root, or use --no-register")
        try:
            package = ".".join(directory.resolve().relative_to(root).parts + (name,))
        except ValueError:
            raise ScaffoldError(f"{directory} is outside {root}: use --no-register and add the entry point "
                                "yourself") from None
    written = write_plugin(name, directory, tests_dir)
    for path in written:
        click.echo(f"  wrote {path}")
    if not do_register:
        click.echo(f"Register it: an entry point '{name} = <package>.{name}.plugin' in the "
                   "tierslieux.plugins group, then add it to modules.offered.")
        return
    for line in register(root, name, package):
        click.echo(f"  {line}")
    click.echo(f"Next: `make install` (it reinstalls the package, so the entry point is found), then "
               f"`python -m pytest {tests_dir}`, and add '{name}' to modules.offered in your territory file.")
