"""Where a request spends its time: `python -m bench.profile [NAME ...]` runs each hot request
many times in process (Flask test client, the bench's cached databases) under cProfile and
prints the mean time per request and the functions with the most cumulative time.

NAME: home, floor (a signed-in page that does nothing), sites, site, search, api_sites, availability,
booking, booking_taken (all when none given);
`--sort tottime` sorts by own time; `BENCH_PROFILE_OUT=FILE` keeps the last stats for pstats (callers, callees);
`BENCH_NO_PROFILE=1` prints the CPU time per request instead, without the profiler.
"""
from __future__ import annotations

import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bench import booking_data as data


def _day():
    from core.timeutil import today_at

    day = today_at("Europe/Paris") + timedelta(days=1)
    while day.weekday() > 4:
        day += timedelta(days=1)
    return day


def _run(name, fn, repeat, sort):
    for _ in range(5):
        fn()
    if os.environ.get("BENCH_NO_PROFILE"):  # the CPU time alone, less moved by a loaded machine than wall time
        cpu, start = time.process_time(), time.perf_counter()
        for _ in range(repeat):
            fn()
        cpu, wall = (time.process_time() - cpu) / repeat, (time.perf_counter() - start) / repeat
        print(f"== {name}: {cpu * 1000:.2f} ms of CPU ({wall * 1000:.2f} ms of wall time) per request, no profiler "
              f"({repeat} runs)")
        return
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    for _ in range(repeat):
        fn()
    profile.disable()
    mean = (time.perf_counter() - start) / repeat
    if os.environ.get("BENCH_PROFILE_OUT"):  # for pstats' callers and callees
        profile.dump_stats(os.environ["BENCH_PROFILE_OUT"])
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(sort).print_stats(int(os.environ.get("BENCH_PROFILE_LINES", "28")))
    print(f"\n== {name}: {mean * 1000:.2f} ms per request under cProfile ({repeat} runs)")
    print("\n".join(out.getvalue().splitlines()[6:]))


def _add_floor(app):
    """The page of `bench/signed_floor_wsgi.py`: signed in, doing nothing."""
    from flask_login import login_required

    app.add_url_rule("/__bench/signed-in", "bench_signed_floor", login_required(lambda: "ok"))


def main(argv):
    from bench.bench_http import DEMO_EMAIL, DEMO_PASSWORD, demo_database

    sort = "cumulative"
    if "--sort" in argv:
        sort = argv[argv.index("--sort") + 1]
        argv = [a for a in argv if a not in ("--sort", sort)]
    wanted = set(argv) or {"home", "floor", "sites", "site", "search", "api_sites", "availability", "booking", "booking_taken"}
    day = _day()
    folder = Path(tempfile.mkdtemp())
    with data.scratch_copy(demo_database("sqlite"), folder) as url:
        app = data.make_app(url, folder)
        # The pages rendered every time (core/pagecache.py would serve visitors its kept copy).
        app.config.update(WTF_CSRF_ENABLED=False, SERVER_NAME=None,
                          PAGE_CACHE_SECONDS=float(os.environ.get("BENCH_PAGE_CACHE_SECONDS", "0")))
        _add_floor(app)
        client = app.test_client()
        signed = app.test_client()
        signed.post("/login", data={"email": DEMO_EMAIL, "password": DEMO_PASSWORD})
        for name, c, path in (("home", signed, "/"), ("floor", signed, "/__bench/signed-in"), ("sites", client, "/sites"),
                              ("site", client, "/sites/decazeville-chrysalis"),
                              ("search", client, f"/booking?date={day}"), ("api_sites", client, "/api/v1/sites"),
                              ("availability", client, f"/api/v1/availability?date={day}")):
            if name in wanted:
                assert c.get(path).status_code == 200, path
                _run(f"GET {path}", lambda c=c, path=path: c.get(path), 200, sort)
    if wanted & {"booking", "booking_taken"}:
        from bench.bench_http import _members_and_bodies

        small = data.sqlite_database("booking-10k", data.days_of(data.SMALL_DAYS))
        with data.scratch_copy(f"sqlite:///{small}", folder) as url:
            _, bodies = _members_and_bodies(url, folder)
            app = data.make_app(url, folder)
            client = app.test_client()
            def poster(items, status):
                items = iter(items)

                def post():
                    token, body = next(items)
                    response = client.post("/api/v1/bookings", json=body, headers={"Authorization": f"Bearer {token}"})
                    assert response.status_code == status, response.get_data(as_text=True)

                return post

            if "booking" in wanted:  # days the data set leaves free: 201s
                _run("POST /api/v1/bookings", poster(bodies[20_000:], 201), 300, sort)
            replayed = bodies[30_000:30_400]
            for token, body in replayed:  # booked once here: sent again below, the slot is taken (409)
                client.post("/api/v1/bookings", json=body, headers={"Authorization": f"Bearer {token}"})
            if "booking_taken" in wanted:
                _run("POST /api/v1/bookings (slot taken: 409)", poster(replayed, 409), 300, sort)

if __name__ == "__main__":
    main(sys.argv[1:])
