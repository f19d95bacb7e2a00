"""The operators' commands: users, tokens, demo, mail, migrations on a fresh database."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from core.accounts.models import User
from core.extensions import db
from core.sites.models import Site

ROOT = Path(__file__).resolve().parents[2]


def test_users_create_makes_a_confirmed_manager_of_a_site(app, runner, make_site):
    make_site("figeac")
    result = runner.invoke(args=["users", "create", "Gestion@Example.org", "--password", "a long password here",
                                 "--role", "site-manager", "--site", "figeac"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = User.by_email("gestion@example.org")
        assert user.role == "site-manager" and user.email_confirmed_at is not None
        assert [s.slug for s in user.managed_sites] == ["figeac"]


def test_users_create_refuses_short_passwords_and_unknown_sites(runner):
    result = runner.invoke(args=["users", "create", "a@example.org", "--password", "short"])
    assert result.exit_code != 0 and "12" in result.output
    result = runner.invoke(args=["users", "create", "a@example.org", "--password", "a long password here",
                                 "--site", "nowhere"])
    assert result.exit_code != 0 and "no site with slug" in result.output


def test_tokens_create_prints_a_working_token(client, runner, make_user):
    member = make_user()
    result = runner.invoke(args=["tokens", "create", member.email])
    secret = result.output.strip()
    assert secret.startswith("tl_")
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"}).status_code == 200


def test_commands_given_out_of_range_values_say_so_and_store_nothing(app, runner, make_user):
    """Each of these ended in a traceback (an id past PostgreSQL's INTEGER, a negative LIMIT, a
    value longer than its column) or stored a token without a name."""
    from core.api.tokens import ApiToken

    member = make_user()
    cases = [(["jobs", "retry", "9" * 20], "JOB_ID"), (["jobs", "list", "--limit", "-1"], "--limit"),
             (["tokens", "create", member.email, "--name", "a" * 81], "80 caractères au plus"),
             (["tokens", "create", member.email, "--name", "   "], "80 caractères au plus"),
             (["users", "create", "long@example.org", "--password", "a long password here", "--name", "n" * 121],
              "pas dépasser 120"),
             (["users", "create", "not-an-address", "--password", "a long password here"], "adresse e-mail valide")]
    for args, said in cases:
        result = runner.invoke(args=args)  # in the territory's language
        assert result.exit_code == 2 if args[0] != "users" else result.exit_code == 1, (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert said in result.output, (args, result.output)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ApiToken)) == 0
        assert User.by_email("long@example.org") is None and User.by_email("not-an-address") is None


def test_seed_demo_is_idempotent_and_prints_the_logins(app, runner):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "admin@demo.tierslieux.fr" in first.output and "telecentre-2012" in first.output
    with app.app_context():
        users = db.session.scalar(select(func.count()).select_from(User))
    assert users > 9  # the core's 9 logins, and the plugins' own (conventions' référents and agents)
    runner.invoke(args=["seed-demo"])
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Site)) == 5
        assert db.session.scalar(select(func.count()).select_from(User)) == users
        figeac = db.session.scalar(select(Site).where(Site.commune == "Figeac"))
        assert figeac.departement == "46" and figeac.opening_hours


def test_db_upgrade_builds_an_empty_database_to_every_head(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    env = dict(os.environ, DATABASE_URL=url, TIERSLIEUX_INSTANCE=str(tmp_path),
               TIERSLIEUX_CONFIG=str(ROOT / "tests" / "territory.toml"))
    run = [sys.executable, "-c", "from core.cli import main; main()"]
    upgrade = subprocess.run(run + ["db", "upgrade"], env=env, cwd=ROOT, capture_output=True, text=True,
                             timeout=120)
    assert upgrade.returncode == 0, upgrade.stderr
    current = subprocess.run(run + ["db", "current"], env=env, cwd=ROOT, capture_output=True, text=True,
                             timeout=60)
    heads = subprocess.run(run + ["db", "heads"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert sorted(line.split()[0] for line in current.stdout.splitlines() if line.strip()) == \
        sorted(line.split()[0] for line in heads.stdout.splitlines() if line.strip())
    check = subprocess.run(run + ["db", "check"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, f"the models and the migrations differ: {check.stdout}{check.stderr}"
