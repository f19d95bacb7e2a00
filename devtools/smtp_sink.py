"""Local SMTP servers on a free port: one prints what it receives (the demo), one keeps it (tests)."""
from __future__ import annotations

import email
import email.policy
import threading

from aiosmtpd.controller import Controller

from devtools.ports import free_port


class SmtpSink:
    """An SMTP server on `hostname:port`; `receive(message)` gets every e-mail it is sent."""

    def __init__(self, hostname: str = "127.0.0.1"):
        self.hostname = hostname
        self.port = None
        self._controller = None

    def receive(self, message: email.message.EmailMessage) -> None:
        raise NotImplementedError

    async def handle_DATA(self, server, session, envelope):
        self.receive(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def start(self):
        # aiosmtpd cannot listen on port 0 (it connects to its own port to check it is up), so
        # take a port that is free now and try another should someone take it meanwhile.
        for attempt in range(5):
            port = free_port(self.hostname)
            controller = Controller(self, hostname=self.hostname, port=port, ready_timeout=5)
            try:
                controller.start()
            except (OSError, TimeoutError):
                if attempt == 4:
                    raise
                continue
            self._controller, self.port = controller, port
            return self

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


class PrintingSink(SmtpSink):
    """The demo's mail server: every e-mail (sign-up links included) is printed, never sent."""

    def __init__(self, hostname: str = "127.0.0.1", echo=print):
        super().__init__(hostname)
        self.echo = echo

    @property
    def description(self) -> str:
        return f"E-mails are printed here (local SMTP server on {self.hostname}:{self.port})."

    def receive(self, message):
        body = message.get_body(preferencelist=("plain",))
        self.echo(f"\n--- e-mail to {message['To']}: {message['Subject']}\n"
                  f"{body.get_content() if body else ''}---")


class CollectingSink(SmtpSink):
    """The tests' mail server: keeps every message for the `mailbox` fixture."""

    def __init__(self, hostname: str = "127.0.0.1"):
        super().__init__(hostname)
        self.messages = []
        self.lock = threading.Lock()

    def receive(self, message):
        with self.lock:
            self.messages.append(message)
