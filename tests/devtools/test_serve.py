"""`tierslieux serve-demo` (`make run`): stand-ins on free ports, the app pointed at them, a
chosen port that is taken refused in one line, and the commands absent from production installs."""
from __future__ import annotations

import os
import re
import shutil
import signal
import smtplib
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from email.message import EmailMessage
from pathlib import Path

from devtools.serve import MailStandIn, StripeStandIn, stand_ins

ROOT = Path(__file__).resolve().parents[2]
TIERSLIEUX = [sys.executable, "-c", "from core.cli import main; main()"]


def _env(tmp_path, sqlite_template):
    database = tmp_path / "demo.db"
    shutil.copy(sqlite_template, database)
    return dict(os.environ, TIERSLIEUX_CONFIG=str(ROOT / "tests" / "territory.toml"),
                DATABASE_URL=f"sqlite:///{database}", TIERSLIEUX_INSTANCE=str(tmp_path))


def test_the_stand_ins_listen_on_free_ports_and_the_app_is_pointed_at_them(app, capsys):
    app.config.update(STRIPE_SECRET_KEY=None, STRIPE_API_BASE=None)
    mail, stripe_ = stand_ins(app, "http://127.0.0.1:8123")
    assert isinstance(mail, MailStandIn) and isinstance(stripe_, StripeStandIn)
    try:
        mail.start(), stripe_.start()
        assert app.config["MAIL_PORT"] == mail.port and app.config["STRIPE_API_BASE"] == stripe_.server.url
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "a@example.org", "b@example.org", "Hello"
        message.set_content("The link: http://127.0.0.1:8123/confirm/x")
        with smtplib.SMTP(app.config["MAIL_SERVER"], app.config["MAIL_PORT"], timeout=5) as client:
            client.send_message(message)
        assert "--- e-mail to b@example.org: Hello\nThe link: http://127.0.0.1:8123/confirm/x" in capsys.readouterr().out
        (endpoint,) = stripe_.server.webhook_endpoints
        assert endpoint["url"] == "http://127.0.0.1:8123/billing/stripe/webhook"
        assert endpoint["secret"] == app.config["STRIPE_WEBHOOK_SECRET"]
    finally:
        mail.stop(), stripe_.stop()


def test_a_real_mail_server_and_real_stripe_keys_need_no_stand_in(app):
    app.config.update(MAIL_SERVER="smtp.example.org", STRIPE_SECRET_KEY="sk_live_x", STRIPE_API_BASE=None)
    assert stand_ins(app, "http://127.0.0.1:8123") == []


def test_serve_demo_serves_on_the_chosen_port_and_stops_on_ctrl_c(tmp_path, sqlite_template):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Started with SIGINT ignored, as a shell's background job is (and as some earlier test left
    # this suite's worker: children inherit it): Ctrl+C must stop the demo all the same.
    process = subprocess.Popen(TIERSLIEUX + ["serve-demo", "--port", str(port)], cwd=ROOT, text=True,
                               env=_env(tmp_path, sqlite_template), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    killer = threading.Timer(60, process.kill)  # never hang the suite on a broken start
    killer.start()
    # The demo prints every e-mail it sends (the seeded ones too): its output is read to the end
    # in a thread, or a full pipe would block the server in a write and it could never stop.
    lines, started = [], threading.Event()

    def read():
        for line in process.stdout:
            lines.append(line)
            if "Tiers-Lieux demo:" in line:
                started.set()
        started.set()  # the process ended before saying it serves

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert started.wait(60) and any("Tiers-Lieux demo:" in line for line in lines), "".join(lines)
        assert any(line.startswith("E-mails are printed here") for line in lines)
        assert any(line.startswith("Stripe emulator on http://127.0.0.1:") for line in lines)
        assert f"http://127.0.0.1:{port}/" in next(line for line in lines if "Tiers-Lieux demo:" in line)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/sites", timeout=10) as response:
            assert response.status == 200
        process.send_signal(signal.SIGINT)
        # It lets the job in hand finish first (up to 10 s: stop_thread).
        try:
            code = process.wait(30)
        except subprocess.TimeoutExpired:  # say where it is stuck
            process.send_signal(signal.SIGUSR1)
            time.sleep(2)
            code = "still running 30 s after Ctrl+C"
        assert code == 0, "".join(lines)
    finally:
        killer.cancel()
        process.kill()
        process.wait()
        reader.join(5)


def test_a_taken_port_stops_serve_demo_with_one_line(tmp_path, sqlite_template):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(TIERSLIEUX + ["serve-demo", "--port", str(port)], cwd=ROOT, capture_output=True,
                                text=True, env=_env(tmp_path, sqlite_template), timeout=60)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (f"Error: Port {port} is in use: run `make run PORT={port + 1}` "
                             f"(or `tierslieux serve-demo --port {port + 1}`).\n")


BLOCK_DEV_EXTRA = """
import sys
class NoDevExtra:  # as in `pip install '.[postgres]'`: no aiosmtpd
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "aiosmtpd":
            raise ModuleNotFoundError(name)
sys.meta_path.insert(0, NoDevExtra())
from core.cli import main
main()
"""


def test_the_dev_commands_exist_only_with_the_dev_extra(tmp_path, sqlite_template):
    env = _env(tmp_path, sqlite_template)
    dev = subprocess.run(TIERSLIEUX + ["--help"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    production = subprocess.run([sys.executable, "-c", BLOCK_DEV_EXTRA, "--help"], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=60)
    assert dev.returncode == production.returncode == 0, dev.stderr + production.stderr
    dev_commands = {"serve-demo", "stripe-emulator"}
    assert dev_commands <= set(re.findall(r"^  ([a-z-]+)", dev.stdout, re.M))
    listed = set(re.findall(r"^  ([a-z-]+)", production.stdout, re.M))
    assert "users" in listed and not dev_commands & listed


def test_the_stripe_emulator_command_is_the_emulators_own_command_line():
    from click.testing import CliRunner

    from core.cli import cli

    result = CliRunner().invoke(cli, ["stripe-emulator", "--help"])
    assert result.exit_code == 0 and "usage: tierslieux stripe-emulator" in result.output
    assert "--webhook URL[,SECRET]" in result.output
