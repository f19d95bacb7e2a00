"""Listening on a port: a free one for the stand-ins, a clear error when a chosen one is taken.

Werkzeug's `make_server` answers a taken port with `sys.exit(1)` after printing three lines,
which no caller can catch as an OSError; binding the socket here first gives a real exception.
"""
from __future__ import annotations

import errno
import socket

from werkzeug.serving import BaseWSGIServer, make_server


class PortInUse(OSError):
    def __init__(self, host: str, port: int):
        super().__init__(errno.EADDRINUSE, f"port {port} on {host} is in use")
        self.host, self.port = host, port


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on now (for servers that cannot bind port 0 themselves)."""
    with socket.socket(_family(host)) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET  # as werkzeug chooses


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound and listening on host:port (0: any free port); PortInUse if taken."""
    sock = socket.socket(_family(host), socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT only, like http.server
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise PortInUse(host, port) from None
        raise
    return sock


def wsgi_server(host: str, port: int, app) -> BaseWSGIServer:
    """A threaded werkzeug server for `app` on host:port (0: any free port; see `.port`)."""
    sock = listening_socket(host, port)
    try:
        server = make_server(host, port, app, threaded=True, fd=sock.fileno())
    finally:
        sock.close()  # werkzeug keeps its own duplicate of the descriptor
    # What http.server's server_bind (skipped for a given socket) would have set.
    server.server_name, server.server_port = host, server.port
    return server
