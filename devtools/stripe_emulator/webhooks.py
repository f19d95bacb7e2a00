"""Webhook delivery: Stripe-Signature signing, an ordered background queue with retries, a log."""
import heapq
import hashlib
import hmac
import itertools
import json
import threading
import time
import urllib.error
import urllib.request

from .store import new_id

DEFAULT_RETRY_DELAYS = (0.2, 1, 5)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None  # Stripe counts a 3xx answer as a failed delivery


# No proxies: endpoints are local and environment proxies would swallow the requests.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)


def new_secret():
    return new_id("whsec_", 32)


def sign(body, secret, timestamp=None):
    """The ``Stripe-Signature`` header value that ``stripe.Webhook.construct_event`` checks."""
    timestamp = int(time.time() if timestamp is None else timestamp)
    mac = hmac.new(secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


class Deliverer:
    """Sends every event to every endpoint; failed attempts are retried after ``retry_delays``.

    First attempts go out in event order; a failing endpoint's retries are rescheduled
    instead of holding back the queue, like Stripe (which never promises ordering).
    """

    def __init__(self, endpoints=(), *, retry_delays=DEFAULT_RETRY_DELAYS, asynchronous=True,
                 timeout=5.0, on_delivered=None):
        self._cond = threading.Condition()
        self.endpoints = []
        for endpoint in endpoints:
            url, secret = (endpoint, None) if isinstance(endpoint, str) else endpoint
            self.add_endpoint(url, secret)
        self.retry_delays = tuple(retry_delays)
        self.asynchronous = asynchronous
        self.timeout = timeout
        self.on_delivered = on_delivered
        self.log = []
        self._queue = []  # heap of (due time, sequence, job)
        self._seq = itertools.count()
        self._busy = 0
        self._thread = None
        self._stopped = False

    def add_endpoint(self, url, secret=None):
        endpoint = {"id": new_id("we_"), "url": url, "secret": secret or new_secret()}
        with self._cond:
            self.endpoints.append(endpoint)
        return endpoint

    def submit(self, events):
        jobs = []
        with self._cond:
            for event in events:
                body = json.dumps(event, indent=2)
                for endpoint in self.endpoints:
                    record = {"id": new_id("whdel_"), "event_id": event["id"],
                              "event_type": event["type"], "url": endpoint["url"],
                              "attempts": 0, "last_status": None, "last_error": None,
                              "delivered": False, "pending": True}
                    self.log.append(record)
                    jobs.append({"body": body, "endpoint": endpoint, "record": record})
            if self.asynchronous:
                for job in jobs:
                    heapq.heappush(self._queue, (time.monotonic(), next(self._seq), job))
                self._start_worker()
                self._cond.notify_all()
                return
        for job in jobs:
            while not self._attempt(job):
                delay = self._next_delay(job)
                if delay is None:
                    break
                time.sleep(delay)

    def flush(self, timeout=10.0):
        """Wait until every queued delivery has succeeded or exhausted its retries."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._queue and not self._busy, timeout)

    def reset(self):
        with self._cond:
            self._queue.clear()
            self.log = []

    def stop(self):
        with self._cond:
            self._stopped = True
            self._cond.notify_all()

    def _start_worker(self):
        if self._thread is None or not self._thread.is_alive():
            self._stopped = False
            self._thread = threading.Thread(target=self._work, name="stripe-emulator-webhooks",
                                            daemon=True)
            self._thread.start()

    def _work(self):
        while True:
            with self._cond:
                while not self._stopped:
                    wait = self._queue[0][0] - time.monotonic() if self._queue else None
                    if wait is not None and wait <= 0:
                        break
                    self._cond.wait(wait)
                if self._stopped:
                    return
                job = heapq.heappop(self._queue)[2]
                self._busy += 1
            delivered = self._attempt(job)
            with self._cond:
                self._busy -= 1
                delay = None if delivered else self._next_delay(job)
                if delay is not None:
                    heapq.heappush(self._queue, (time.monotonic() + delay, next(self._seq), job))
                self._cond.notify_all()

    def _next_delay(self, job):
        attempts = job["record"]["attempts"]
        if attempts > len(self.retry_delays):
            job["record"]["pending"] = False
            return None
        return self.retry_delays[attempts - 1]

    def _attempt(self, job):
        record, endpoint = job["record"], job["endpoint"]
        request = urllib.request.Request(
            endpoint["url"], data=job["body"].encode(), method="POST",
            headers={"Content-Type": "application/json; charset=utf-8",
                     "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
                     # Re-signed per attempt: receivers reject stale timestamps.
                     "Stripe-Signature": sign(job["body"], endpoint["secret"])})
        record["attempts"] += 1
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:
                record["last_status"], record["last_error"] = response.status, None
        except urllib.error.HTTPError as exc:
            record["last_status"], record["last_error"] = exc.code, f"HTTP {exc.code}"
        except (OSError, ValueError) as exc:
            record["last_status"], record["last_error"] = None, str(exc)
        if record["last_status"] is not None and 200 <= record["last_status"] < 300:
            record.update(delivered=True, pending=False)
            if self.on_delivered:
                self.on_delivered(record["event_id"])
            return True
        return False
