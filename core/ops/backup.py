"""`tierslieux backup FILE` and `tierslieux restore FILE`: the database, while the app runs.

- SQLite: SQLite's online backup API copies a consistent snapshot (every transaction committed
  when it starts, none half) while the app goes on writing; the backup is a database file.
- PostgreSQL: `pg_dump --format=custom` (one consistent snapshot too), restored by
  `pg_restore` in one transaction. The PostgreSQL client tools must be installed (Debian:
  `postgresql-client`), of the server's major version or newer.

`restore` refuses a database that already has tables unless `--force` (which replaces them).
Photos and signed conventions (the instance folder's `uploads/`) are files: copy them beside the backup,
after it, and pause `tierslieux uploads sweep` while restoring (docs/operations.md, "Backups").
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from core.extensions import db

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


def _url():
    return make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])


def _pg_args(url) -> tuple[list[str], dict]:
    """libpq connection options, the password in the environment (not on a command line)."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    args = ["--dbname", url.database]
    if url.host:
        args += ["--host", url.host]
    if url.port:
        args += ["--port", str(url.port)]
    if url.username:
        args += ["--username", url.username]
    return args, env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise click.ClickException(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return path


def _run(args: list[str], env: dict) -> None:
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise click.ClickException(f"{Path(args[0]).name} failed: {done.stderr.strip() or done.returncode}")


def backup_database(target: Path) -> str:
    """Write a consistent copy of the app's database to `target`; return its kind."""
    url = _url()
    target.parent.mkdir(parents=True, exist_ok=True)
    if url.get_backend_name() == "sqlite":
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        source = sqlite3.connect(url.database)
        copy = sqlite3.connect(partial)
        try:
            with copy:
                source.backup(copy)  # all pages in one step: one snapshot, writers carry on (WAL)
        finally:
            copy.close()
            source.close()
        partial.replace(target)
        return "sqlite"
    if url.get_backend_name() == "postgresql":
        args, env = _pg_args(url)
        _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target), *args], env)
        return "postgresql"
    raise click.ClickException(f"cannot back up a {url.get_backend_name()} database")


def _has_tables() -> bool:
    return bool(inspect(db.engine).get_table_names())


def restore_database(source: Path, force: bool = False) -> str:
    url = _url()
    with open(source, "rb") as file:
        head = file.read(16)
    backend = url.get_backend_name()
    if backend == "sqlite" and head != SQLITE_MAGIC or backend == "postgresql" and not head.startswith(PG_MAGIC):
        raise click.ClickException(f"{source} is not a {backend} backup made by `tierslieux backup`")
    if _has_tables() and not force:
        raise click.ClickException("the database already has tables: restore into an empty database, "
                                   "or add --force to replace them")
    db.session.remove()
    db.engine.dispose()
    if backend == "sqlite":
        backup_copy = sqlite3.connect(source)
        live = sqlite3.connect(url.database)
        try:
            with live:
                backup_copy.backup(live)
        finally:
            live.close()
            backup_copy.close()
    else:
        args, env = _pg_args(url)
        clean = ["--clean", "--if-exists"] if force else []
        _run([_tool("pg_restore"), "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
              *clean, *args, str(source)], env)
    return backend


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup(file):
    """Copy the database to FILE while the app runs (SQLite online backup, or pg_dump)."""
    kind = backup_database(file)
    click.echo(f"{kind} database backed up to {file} ({file.stat().st_size} bytes)")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace the tables the database already has.")
@with_appcontext
def restore(file, force):
    """Load a backup made by `tierslieux backup` into the configured (empty) database."""
    kind = restore_database(file, force)
    click.echo(f"{kind} database restored from {file}; run `tierslieux db upgrade` if this code is newer")
