"""No input gives a 500: every page and form, fuzzed with Hypothesis, as each kind of user.

The app runs with TESTING on, so an unhandled exception fails the test instead of being turned
into a 500 page. Field names are those of every form in the app, plus junk.

A GET is not sent again when it would be the same request for the view as one already sent to
that route in the test: same path, a query string as empty or not, and the same values for every
query key the view has looked up so far (`_ReadArgs` notes them from the moment the view is
called: the app-wide checks before it, such as the refusal of NUL bytes, read every value, and
they see every request sent, hundreds of hostile query strings). Most pages without a path
argument read no query key, so their examples were as many identical renderings. POSTs are
always sent: a second identical one may take another branch (already done, already exists).

Each crawl runs on one database (`one_database`): PostgreSQL when the suite has it, the stricter
with bad input; SQLite otherwise.
"""
from __future__ import annotations

import string

import pytest
from flask_wtf import FlaskForm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.routing import IntegerConverter
from werkzeug.utils import cached_property

NASTY = ["", "0", "-1", "1e309", "NaN", "2027-02-30", "9999-12-31", "24:00-25:00", "x" * 3000, "\x00",
         "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "on", "off",
         # decimals that parse and then break arithmetic; integers past every column and timedelta
         "sNaN", "Infinity", "-inf", "1e999999999", "12,345", "99999999999999", str(2**63)]
FAR_DATES = ["9999-12-31", "0001-01-01", "9999-12-31T23:59:59-14:00", "0001-01-01T00:05", "2026-W53",
             "10000-01-01", "-0001-01-01", "2027-13-01"]
SEGMENTS = ["a\x00b", "\x00", "a\nb", "\t", "é", "a b", "%00", "..", "x" * 300, "9999-12-31", "0001-01-01",
            "\u202e", "\ud7ff", "NaN"]
QUERY_KEYS = ["next", "page", "date", "site", "kind", "week", "day", "from", "to", "period", "session_id"]


def _field_names() -> list[str]:
    names, todo = set(), list(FlaskForm.__subclasses__())
    while todo:
        form = todo.pop()
        todo.extend(form.__subclasses__())
        names.update(name for name in dir(form) if not name.startswith("_") and
                     hasattr(getattr(form, name), "field_class"))
    return sorted(names | {"next", "csrf_token", "role", "site_id", "price"})


def _values():
    return st.one_of(st.sampled_from(NASTY), st.text(max_size=40),
                     st.integers(-10**6, 10**6).map(str))


def _routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.rule.startswith("/api/"):
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def _path_value(converter, nasty=False):
    if isinstance(converter, IntegerConverter):
        return st.one_of(st.integers(0, 10**12), st.sampled_from([1, 2, 3]))
    tame = st.one_of(st.sampled_from(["figeac", "nowhere", "x"]),
                     st.text(string.ascii_letters + "-._~", min_size=1, max_size=20))
    if not nasty:
        return tame
    # Anything but a slash (which would name another route): NUL, controls, far dates, unicode.
    # Not a lone surrogate: no URL can carry one (it has no UTF-8), and building the path failed
    # in the test itself now and then (a surrogate in about one generated segment in 300).
    anything = st.characters(blacklist_characters="/", blacklist_categories=("Cs",))
    return st.one_of(tame, st.sampled_from(SEGMENTS), st.text(anything, min_size=1, max_size=20))


def _query_values():
    return st.one_of(_values(), st.sampled_from(FAR_DATES))


EVERY_KEY = object()


class _ReadArgs(ImmutableMultiDict):
    """`request.args` noting in `reads`, while it is not None, the keys the app looks up
    (EVERY_KEY when it goes through all of them, e.g. `to_dict()`)."""
    reads: set | None = None

    def _note(self, key):
        if _ReadArgs.reads is not None:
            _ReadArgs.reads.add(key)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def getlist(self, key, type=None):
        self._note(key)
        return super().getlist(key, type)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)


def _reading_every_key(name):
    def whole(self, *args, **kwargs):
        self._note(EVERY_KEY)
        return getattr(ImmutableMultiDict, name)(self, *args, **kwargs)
    return whole


# Set after the class is made: an `__eq__` in its body would take away the inherited `__hash__`.
for _name in ("__iter__", "keys", "values", "items", "lists", "listvalues", "to_dict", "copy", "deepcopy",
              "__copy__", "__deepcopy__", "__eq__", "__reduce_ex__"):
    setattr(_ReadArgs, _name, _reading_every_key(_name))


def _noting_query_reads(app):
    """The app's requests give it a `_ReadArgs` as `request.args`, noting from the view on."""
    class Request(app.request_class):
        @cached_property
        def args(self):
            return _ReadArgs(super().args)

    app.request_class = Request
    dispatch = app.dispatch_request

    def noting_from_the_view():
        _ReadArgs.reads = _SentGets.current.reads if _SentGets.current else None
        return dispatch()

    app.dispatch_request = noting_from_the_view


class _SentGets:
    """The GETs of one route already sent, as the view saw them (see the module's docstring)."""
    current = None  # the route whose GET is being sent

    def __init__(self):
        self.reads, self.sent = set(), set()

    def _seen_as(self, path, query):
        read = {key: value for key, value in query.items() if EVERY_KEY in self.reads or key in self.reads}
        return path, bool(query), tuple(sorted(read.items()))

    def already(self, path, query) -> bool:
        return self._seen_as(path, query) in self.sent

    def send(self, client, path, query):
        _SentGets.current = self
        try:
            response = client.get(path, query_string=query)
        finally:
            _SentGets.current = _ReadArgs.reads = None
        self.sent.add(self._seen_as(path, query))
        return response


@pytest.mark.one_database
@pytest.mark.parametrize("role", [None, "member", "site-manager", "territory-admin"])
def test_no_page_or_form_answers_500(app, make_site, make_user, role):
    _noting_query_reads(app)
    make_site("figeac")
    client = app.test_client()
    if role:
        person = make_user(role, sites=["figeac"] if role == "site-manager" else [])
        client.post("/login", data={"email": person.email, "password": person.password})
    fields = _field_names()
    routes = list(_routes(app))
    assert len(routes) > 20

    for rule, method in routes:
        args = {name: _path_value(rule._converters[name]) for name in rule.arguments}
        gets = _SentGets()

        @given(values=st.fixed_dictionaries(args), form=st.dictionaries(st.sampled_from(fields), _values(),
                                                                        max_size=8),
               query=st.dictionaries(st.sampled_from(QUERY_KEYS), _query_values(), max_size=3))
        # Five examples a route and role: the suite's longest test (a quarter of its time at 8).
        # No example database: each run draws new values, so the runs together cover more.
        @settings(max_examples=5, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(values, form, query):
            path = rule.build(values, append_unknown=False)[1]
            if path in ("/logout", "/account/erase"):  # would end the fuzzing session itself
                return
            if method == "GET":
                if gets.already(path, query):
                    return
                response = gets.send(client, path, query)
            else:
                response = client.open(path, method=method, data=form, query_string=query)
            assert response.status_code < 500, (method, path, form, response.status_code)

        check()


@pytest.mark.one_database
def test_no_path_segment_or_query_string_answers_500(app, make_site, make_user):
    """Every GET route, the API's included, with hostile path segments (NUL bytes, control
    characters, far dates) and query strings, as a site manager and as nobody."""
    _noting_query_reads(app)
    make_site("figeac")
    person = make_user("site-manager", sites=["figeac"])
    for signed_in in (False, True):
        client = app.test_client()
        if signed_in:
            client.post("/login", data={"email": person.email, "password": person.password})
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or rule.endpoint == "static" or rule.rule == "/logout":
                continue
            args = {name: _path_value(rule._converters[name], nasty=True) for name in rule.arguments}
            gets = _SentGets()

            @given(values=st.fixed_dictionaries(args),
                   query=st.dictionaries(st.sampled_from(QUERY_KEYS), _query_values(), max_size=3))
            @settings(max_examples=4, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            def check(values, query):
                path = rule.build(values, append_unknown=False)[1]
                if gets.already(path, query):
                    return
                response = gets.send(client, path, query)
                assert response.status_code < 500, (path, query, response.status_code)

            check()
