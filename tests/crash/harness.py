"""Real processes of the app (web server, workers) killed with SIGKILL, a mail server that hangs
or is down, and a TCP proxy that holds Stripe's answers: what a crash test needs."""
from __future__ import annotations

import asyncio
import email
import email.policy
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

SERVE = Path(__file__).with_name("serve.py")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppProcess:
    """`serve.py ROLE` in its own process, with the test app's settings."""

    def __init__(self, role: str, settings: dict, port: int | None = None):
        env = {**os.environ, "CRASH_APP_SETTINGS": json.dumps(settings)}
        args = [sys.executable, str(SERVE), role] + ([str(port)] if port else [])
        self.port = port
        self.proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if role != "worker-once":
            line = self.proc.stdout.readline()
            assert line.strip() == "ready", line + (self.proc.stdout.read() if self.proc.poll() is not None else "")
        if port:
            self._wait_port()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_port(self):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise AssertionError("the app process did not listen")

    def kill(self):
        """SIGKILL: no cleanup, no rollback, no atexit; what a power cut does."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def finish(self, timeout=60) -> str:
        out, _ = self.proc.communicate(timeout=timeout)
        return out

    def stop(self):
        if self.proc.poll() is None:
            self.kill()
        if self.proc.stdout:
            self.proc.stdout.close()


@pytest.fixture
def processes():
    started = []

    def start(role, settings, port=None) -> AppProcess:
        process = AppProcess(role, settings, port)
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


class MailServer:
    """An SMTP server that accepts, hangs (then refuses, as a dying connection would), on demand."""

    def __init__(self):
        self.messages = []
        self.hang = threading.Event()
        self.entered = threading.Event()
        self.controller = Controller(self, hostname="127.0.0.1", port=free_port())
        self.controller.start()
        self.running = True

    async def handle_DATA(self, server, session, envelope):
        if self.hang.is_set():
            self.entered.set()
            for _ in range(600):
                if not self.hang.is_set():
                    break
                await asyncio.sleep(0.05)
            return "451 Requested action aborted"
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]

    def stop(self):
        self.hang.clear()
        if self.running:
            self.running = False
            self.controller.stop()


@pytest.fixture
def mail_server():
    server = MailServer()
    yield server
    server.stop()


class HoldingProxy:
    """A TCP proxy to a server (Stripe's emulator) that can hold the answers: the request
    reaches the server, the caller waits, as when Stripe is slow after doing the work."""

    def __init__(self, target_port: int):
        self.target = target_port
        self.hold = threading.Event()
        self.held = threading.Event()
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self._pipe, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, True), daemon=True).start()

    def _pipe(self, source, sink, answers):
        try:
            while data := source.recv(65536):
                if answers and self.hold.is_set():
                    self.held.set()
                    while self.hold.is_set():
                        time.sleep(0.05)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def stop(self):
        self.hold.clear()
        self.sock.close()
