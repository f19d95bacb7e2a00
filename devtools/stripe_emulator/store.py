"""In-memory object store of the emulator: ids, lookups, lists, expansion and the event log."""
import secrets
import string
import threading
import time
from contextlib import contextmanager

from .errors import invalid, not_found

_ALPHABET = string.ascii_letters + string.digits

# Which object kind an id prefix points to, for generic ``expand[]`` support.
_PREFIX_KINDS = {"cs_test_": "checkout.session", "pi_": "payment_intent", "ch_": "charge",
                 "re_": "refund", "cus_": "customer", "sub_": "subscription", "in_": "invoice",
                 "evt_": "event", "price_": "price", "prod_": "product"}


def new_id(prefix, length=24):
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(length))


def public(value):
    """Deep copy without the emulator's private ``_keys``."""
    if isinstance(value, dict):
        return {k: public(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [public(v) for v in value]
    return value


class Store:
    def __init__(self, api_version, clock=time.time):
        self.lock = threading.RLock()
        self.api_version = api_version
        self.clock = clock
        # Set by the app: returns how many webhook endpoints will receive an event, and
        # sends a batch of events (called with the lock held only for asynchronous delivery).
        self.endpoint_count = lambda: 0
        self.dispatch = None
        self.dispatch_under_lock = True
        self.reset()

    def reset(self):
        with self.lock:
            self.objects = {}
            self.order = {}
            self.idempotency = {}
            self.request = None
            self._outbox = []

    def now(self):
        return int(self.clock())

    @contextmanager
    def transaction(self, request=None):
        """Serialise one request; events it emits are dispatched once state is consistent."""
        with self.lock:
            self.request = request
            try:
                yield self
            finally:
                self.request = None
                events, self._outbox = self._outbox, []
                if events and self.dispatch and self.dispatch_under_lock:
                    self.dispatch(events)
                    events = []
        # Synchronous delivery must run unlocked: a receiver may call the emulator back.
        if events and self.dispatch:
            self.dispatch(events)

    def create(self, prefix, kind, id_length=24, **fields):
        obj = {"id": new_id(prefix, id_length), "object": kind, "created": self.now(),
               "livemode": False}
        obj.update(fields)
        self.objects[obj["id"]] = obj
        self.order.setdefault(kind, []).append(obj["id"])
        return obj

    def get(self, kind, object_id, param="id", status=404):
        obj = self.objects.get(object_id)
        if obj is None or obj.get("object") != kind:
            raise not_found(kind, object_id, param=param, status=status)
        return obj

    def list(self, kind, params, url, filters=()):
        limit = params.get("limit") or 10
        try:
            limit = int(limit)
        except ValueError:
            raise invalid(f"Invalid integer: {limit}", "limit", "parameter_invalid_integer")
        if not 1 <= limit <= 100:
            raise invalid("Invalid limit: must be between 1 and 100", "limit")
        items = [self.objects[i] for i in reversed(self.order.get(kind, []))]
        for name in filters:
            wanted = params.get(name)
            if isinstance(wanted, dict):  # created[gte]=... style ranges
                items = [o for o in items if _in_range(o.get(name), wanted)]
            elif wanted not in (None, ""):
                items = [o for o in items if str(o.get(name)) == wanted]
        if params.get("starting_after"):
            ids = [o["id"] for o in items]
            cursor = params["starting_after"]
            items = items[ids.index(cursor) + 1:] if cursor in ids else []
        return list_object(items[:limit], url, has_more=len(items) > limit)

    def emit(self, event_type, obj, previous_attributes=None):
        data = {"object": public(obj)}
        if previous_attributes:
            data["previous_attributes"] = previous_attributes
        request = self.request or {"id": None, "idempotency_key": None}
        event = self.create("evt_", "event", api_version=self.api_version, data=data,
                            pending_webhooks=self.endpoint_count(), request=dict(request),
                            type=event_type)
        self._outbox.append(public(event))
        return event

    def delivered(self, event_id):
        with self.lock:
            event = self.objects.get(event_id)
            if event and event["pending_webhooks"] > 0:
                event["pending_webhooks"] -= 1

    def render(self, obj, expand=()):
        out = public(obj)
        for path in expand or ():
            self._expand(out, path.split("."))
        return out

    def _expand(self, node, path):
        if not isinstance(node, dict) or not path:
            return
        head, rest = path[0], path[1:]
        if node.get("object") == "list" and head == "data":
            for item in node["data"]:
                self._expand(item, rest)
            return
        if head == "line_items" and node.get("object") == "checkout.session":
            items = public(self.objects[node["id"]]["_line_items"])
            node[head] = list_object(items, f"/v1/checkout/sessions/{node['id']}/line_items")
        elif head == "payments" and node.get("object") == "invoice":  # includable, not an id
            for payment in self.objects[node["id"]]["_payments"]:
                payment["invoice"] = node["id"]
            node[head] = list_object(public(self.objects[node["id"]]["_payments"]), f"/v1/invoices/{node['id']}/payments")
        elif isinstance(node.get(head), str):
            target = self.objects.get(node[head])
            if target is None or not any(node[head].startswith(p) for p in _PREFIX_KINDS):
                raise invalid(f"This property cannot be expanded ({head}).", "expand")
            node[head] = public(target)
        elif head not in node:
            raise invalid(f"This property cannot be expanded ({head}).", "expand")
        self._expand(node.get(head), rest)


def list_object(data, url, has_more=False):
    return {"object": "list", "data": data, "has_more": has_more, "url": url}


def _in_range(value, bounds):
    checks = {"gt": lambda a, b: a > b, "gte": lambda a, b: a >= b,
              "lt": lambda a, b: a < b, "lte": lambda a, b: a <= b}
    return value is not None and all(checks[k](value, int(v)) for k, v in bounds.items()
                                     if k in checks)
