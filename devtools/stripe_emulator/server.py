"""Runs the emulator app on a local port in a background thread (tests, the CLI command)."""
import threading

from devtools.ports import wsgi_server

from .app import EXTENSION, create_emulator_app
from .webhooks import DEFAULT_RETRY_DELAYS


class EmulatorServer:
    """``with EmulatorServer(webhook_endpoints=[(url, secret)]) as emulator: emulator.url``"""

    def __init__(self, host="127.0.0.1", port=0, webhook_endpoints=(), *,
                 async_delivery=True, retry_delays=DEFAULT_RETRY_DELAYS,
                 delivery_timeout=5.0, api_version=None, public_url=None):
        self.host, self.port = host, port
        self.app = create_emulator_app(webhook_endpoints, async_delivery=async_delivery,
                                       retry_delays=retry_delays,
                                       delivery_timeout=delivery_timeout,
                                       api_version=api_version, public_url=public_url)
        self._server = None
        self._thread = None

    @property
    def url(self):
        if self._server is None:
            raise RuntimeError("EmulatorServer is not started")
        return f"http://{self.host}:{self._server.server_port}"

    @property
    def store(self):
        return self.app.extensions[EXTENSION]["store"]

    @property
    def deliverer(self):
        return self.app.extensions[EXTENSION]["deliverer"]

    @property
    def webhook_endpoints(self):
        """``[{"url", "secret"}, ...]``, including the ones added at run time."""
        return [dict(endpoint) for endpoint in self.deliverer.endpoints]

    def add_webhook_endpoint(self, url, secret=None):
        return dict(self.deliverer.add_endpoint(url, secret))

    def start(self):
        """Listen (port 0: any free port); `devtools.ports.PortInUse` if the port is taken."""
        self._server = wsgi_server(self.host, self.port, self.app)
        # A short poll interval keeps stop() (called after every test) quick.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        name="stripe-emulator", daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self.deliverer.stop()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(5)

    def flush(self, timeout=10.0):
        """Wait for queued webhook deliveries; False if some were still pending at timeout."""
        return self.deliverer.flush(timeout)

    def reset(self):
        with self.store.transaction():
            self.store.reset()
        self.deliverer.reset()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
