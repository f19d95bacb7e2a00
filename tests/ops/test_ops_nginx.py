"""The shipped deployment, run for real: nginx (deploy/nginx) terminating TLS in front of
gunicorn (deploy/gunicorn.conf.py, started by the web unit's ExecStart) and a worker (the
worker unit's ExecStart), in production mode (issue 14, item 2)."""
from __future__ import annotations

import configparser
import http.client
import json
import os
import re
import shlex
import shutil
import ssl
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from devtools.ports import free_port
from tests.ops.conftest import NGINX, wait_port

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
HOST = "tierslieux.example.fr"
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def render(text: str, replacements: dict[str, str]) -> str:
    """The shipped file with test ports and paths: each value it has to change must be there."""
    for old, new in replacements.items():
        assert old in text, f"the shipped file no longer has {old!r}: update this test with it"
        text = text.replace(old, new)
    return text


def unit(name: str) -> tuple[list[str], dict]:
    """A systemd unit's ExecStart (as argv) and Environment=, from the checkout instead of /srv."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(DEPLOY / "systemd" / name)
    service = parser["Service"]
    command = service["ExecStart"].replace("/srv/tierslieux/.venv/bin/", f"{Path(sys.executable).parent}/")
    command = command.replace("/srv/tierslieux", str(ROOT))
    environment = dict(item.split("=", 1) for item in shlex.split(service.get("Environment", "")))
    assert service["EnvironmentFile"] == "/etc/tierslieux/env" and service["WorkingDirectory"] == "/srv/tierslieux"
    return shlex.split(command), environment


def self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={HOST}",
                    "-addext", f"subjectAltName=DNS:{HOST},IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


class Stack:
    def __init__(self, https, http_port, app_port, cert, app_log):
        self.https, self.http, self.app, self.app_log = https, http_port, app_port, app_log
        self.tls = ssl.create_default_context(cafile=str(cert))

    def request(self, method, path, headers=None, body=None, port=None, tls=True):
        headers = {"Host": HOST, **(headers or {})}
        if tls:
            connection = http.client.HTTPSConnection("127.0.0.1", port or self.https, context=self.tls, timeout=90)
        else:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=90)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def log_lines(self) -> list[dict]:
        lines = []
        for line in self.app_log.read_text().splitlines():
            if line.startswith("{"):
                lines.append(json.loads(line))
        return lines


@pytest.fixture
def stack(tmp_path, sqlite_template, started):
    database = tmp_path / "prod.db"
    shutil.copy(sqlite_template, database)
    territory = tmp_path / "territory.toml"
    territory.write_text((ROOT / "tests" / "territory.toml").read_text())
    https, http_port, app_port = free_port(), free_port(), free_port()
    cert, key = self_signed(tmp_path)

    env = {**os.environ, "TIERSLIEUX_CONFIG": str(territory), "TIERSLIEUX_INSTANCE": str(tmp_path),
           "TIERSLIEUX_ENV": "production", "TIERSLIEUX_SECRET_KEY": "a-production-secret-for-the-nginx-test",
           "TIERSLIEUX_PUBLIC_URL": f"https://{HOST}", "DATABASE_URL": f"sqlite:///{database}",
           "REDIS_URL": REDIS, "GUNICORN_BIND": f"127.0.0.1:{app_port}", "GUNICORN_WORKERS": "2",
           "TIERSLIEUX_LOG_FORMAT": "json", "PYTHONPATH": str(ROOT)}
    env.pop("SENTRY_DSN", None)
    web, web_env = unit("tierslieux-web.service")
    web_env["PROMETHEUS_MULTIPROC_DIR"] = str(tmp_path / "metrics")
    app_log = tmp_path / "web.log"
    with open(app_log, "w") as log:
        process = subprocess.Popen(web, cwd=ROOT, env={**env, **web_env}, stdout=log, stderr=subprocess.STDOUT)
    started(process)
    worker, worker_env = unit("tierslieux-worker@.service")
    started(subprocess.Popen(worker, cwd=ROOT, env={**env, **worker_env}, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL))

    site = render((DEPLOY / "nginx" / "tierslieux.conf").read_text(), {
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen [::]:80;": "",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https} ssl http2;",
        "listen [::]:443 ssl http2;": "",
        "https://$server_name$request_uri": f"https://$server_name:{https}$request_uri",
        f"/etc/letsencrypt/live/{HOST}/fullchain.pem": str(cert),
        f"/etc/letsencrypt/live/{HOST}/privkey.pem": str(key),
        "/var/www/letsencrypt": str(tmp_path / "acme"),
        "/srv/tierslieux": str(ROOT),
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
    })
    (tmp_path / "tierslieux.conf").write_text(site)
    temp = tmp_path / "nginx"
    temp.mkdir()
    main = tmp_path / "nginx.conf"
    main.write_text(f"""
{"user root root;" if os.geteuid() == 0 else ""}
worker_processes 1;
daemon off;
pid {temp}/nginx.pid;
error_log {temp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {temp}/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {tmp_path}/tierslieux.conf;
}}
""")
    check = subprocess.run([NGINX, "-t", "-p", str(temp), "-c", str(main)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    nginx = subprocess.Popen([NGINX, "-p", str(temp), "-c", str(main)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    started(nginx)
    wait_port(app_port, process, app_log)
    wait_port(https, nginx)
    stack = Stack(https, http_port, app_port, cert, app_log)
    stack.request("GET", "/healthz", port=app_port, tls=False)  # the workers have loaded the app
    return stack


def _csrf_and_cookie(stack) -> tuple[str, str]:
    status, headers, body = stack.request("GET", "/login")
    assert status == 200
    token = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', body).group(1).decode()
    cookie = headers["Set-Cookie"].split(";")[0]
    assert "Secure" in headers["Set-Cookie"]
    return token, cookie


def _forget_local_throttling():
    import redis

    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter("*127.0.0.1*"):
        client.delete(key)


@pytest.mark.nginx
@pytest.mark.slow
def test_nginx_in_front_of_gunicorn(stack):
    # Healthy through the proxy once the worker has beaten; the request id is nginx's, not the client's.
    deadline = time.monotonic() + 20
    while True:
        status, headers, body = stack.request("GET", "/healthz", {"X-Request-ID": "client-chosen-id"})
        if status == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert status == 200, body
    assert json.loads(body)["checks"]["workers"] == "ok"
    assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])

    # Forwarded headers are the proxy's: a client's X-Forwarded-* are dropped.
    probe = uuid.uuid4().hex
    status, headers, body = stack.request("GET", f"/login?probe={probe}", {
        "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "http", "X-Forwarded-Host": "evil.example"})
    assert status == 200  # not redirected to https: nginx said https, whatever the client claimed
    assert "max-age" in headers["Strict-Transport-Security"] and b"evil.example" not in body
    request_id = headers["X-Request-ID"]
    time.sleep(0.2)
    line = next(line for line in stack.log_lines() if line.get("request_id") == request_id)
    assert line["remote_addr"] == "127.0.0.1" and line["path"] == "/login"

    # Sign-in throttling counts the real client: spoofed addresses do not buy more attempts.
    _forget_local_throttling()
    token, cookie = _csrf_and_cookie(stack)
    email = f"{uuid.uuid4().hex}@example.org"
    statuses = []
    for attempt in range(6):
        body = f"csrf_token={token}&email={email}&password=wrong+password+{attempt}".encode()
        status, _, _ = stack.request("POST", "/login", {
            "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded",
            "X-Forwarded-For": f"198.51.100.{attempt + 1}", "Referer": f"https://{HOST}/login"}, body)
        statuses.append(status)
    assert statuses == [401] * 5 + [429]

    # Plain HTTP: redirected to https with its path, by nginx; gunicorn itself redirects too.
    status, headers, _ = stack.request("GET", "/billing/stripe/webhook?x=1", port=stack.http, tls=False)
    assert status == 301 and headers["Location"] == f"https://{HOST}:{stack.https}/billing/stripe/webhook?x=1"
    status, headers, _ = stack.request("GET", "/login", port=stack.app, tls=False)
    assert status in (301, 302) and headers["Location"].startswith(f"https://{HOST}/login")
    status, _, _ = stack.request("GET", "/healthz", port=stack.app, tls=False)  # load balancers: no redirect
    assert status in (200, 503)

    # Trusted hosts: another name is refused.
    status, _, _ = stack.request("GET", "/login", {"Host": "evil.example"})
    assert status == 400

    # Static files come from nginx (no request id: the app never saw them); a missing one from the app.
    status, headers, body = stack.request("GET", "/static/css/site.css")
    assert status == 200 and body == (ROOT / "core" / "static" / "css" / "site.css").read_bytes()
    assert "X-Request-ID" not in headers and headers["Cache-Control"] == "max-age=604800" and "Expires" in headers
    status, headers, body = stack.request("GET", "/static/plugins/booking/booking.css")
    assert status == 200 and body == (ROOT / "plugins" / "booking" / "static" / "booking.css").read_bytes()
    status, headers, _ = stack.request("GET", "/static/css/missing.css")
    assert status == 404 and "X-Request-ID" in headers

    # Request size: more than 10 MB is stopped by nginx before gunicorn reads it.
    status, headers, _ = stack.request("POST", "/login", {"Content-Length": str(11 * 1024 * 1024),
                                                          "Content-Type": "application/octet-stream"})
    assert status == 413 and "X-Request-ID" not in headers

    # /metrics from loopback on gunicorn: the two workers' counts added up (multiprocess mode).
    for _ in range(6):
        stack.request("GET", "/healthz")
    status, headers, body = stack.request("GET", "/metrics", port=stack.app, tls=False)
    assert status == 200
    healthz = [float(value) for value in re.findall(
        rb'tierslieux_http_requests_total\{method="GET",route="/healthz",status="200"\} ([0-9.e+]+)', body)]
    assert healthz and healthz[0] >= 7
