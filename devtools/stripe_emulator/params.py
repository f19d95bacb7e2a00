"""Decoding of Stripe's bracketed form encoding (``a[b][0][c]=v``) and typed parameter access."""
import re

from .errors import invalid, missing

_KEY = re.compile(r"\[([^\]]*)\]")


def parse_nested(pairs):
    """Turn ``(key, value)`` pairs into nested dicts; all-digit keys become lists."""
    root = {}
    for key, value in pairs:
        head = key.split("[", 1)[0]
        parts = [head] + _KEY.findall(key[len(head):])
        node = root
        for part in parts[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        last = parts[-1]
        if last == "":  # "expand[]=x" style appends
            last = str(len(node))
        node[last] = value
    return _listify(root)


def _listify(node, parent_key=None):
    if not isinstance(node, dict):
        return node
    # Metadata keys are user data: "0" there is a key, not a list index.
    items = {k: (v if k == "metadata" else _listify(v, k)) for k, v in node.items()}
    if items and parent_key != "metadata" and all(k.isdigit() for k in items):
        return [items[k] for k in sorted(items, key=int)]
    return items


def as_int(params, name, *, required=False, default=None, label=None):
    value = params.get(name)
    if value in (None, ""):
        if required:
            raise missing(label or name)
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise invalid(f"Invalid integer: {value}", label or name, "parameter_invalid_integer")


def as_bool(params, name, default=None):
    value = params.get(name)
    if value in (None, ""):
        return default
    if value in ("true", "false"):
        return value == "true"
    raise invalid(f"Invalid boolean: {value}", name)


def as_list(params, name):
    value = params.get(name)
    if value in (None, ""):
        return []
    return value if isinstance(value, list) else [value]


def as_metadata(params, name="metadata"):
    value = params.get(name)
    if value in (None, ""):
        return {}
    if not isinstance(value, dict):
        raise invalid("Invalid object", name, "parameter_invalid_object")
    return {k: v for k, v in value.items() if v != ""}


def merge_metadata(current, params, name="metadata"):
    """Stripe semantics: an empty string unsets a key; ``metadata=""`` clears everything."""
    if name not in params:
        return dict(current)
    value = params[name]
    if value == "":
        return {}
    if not isinstance(value, dict):
        raise invalid("Invalid object", name, "parameter_invalid_object")
    merged = dict(current)
    for key, val in value.items():
        if val == "":
            merged.pop(key, None)
        else:
            merged[key] = str(val)
    return merged
