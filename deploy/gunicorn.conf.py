"""gunicorn's settings for Tiers-Lieux (`gunicorn --config deploy/gunicorn.conf.py`).

Read by deploy/systemd/tierslieux-web.service; the environment gives the address and the
number of workers. With PROMETHEUS_MULTIPROC_DIR set (the unit sets it), each worker writes
its metrics there and /metrics sums them: the folder is emptied at start and a dead worker's
files are marked dead.
"""
import os
from pathlib import Path

wsgi_app = "core:create_app()"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# The app logs each request itself (JSON, with its request id): no second access log.
accesslog = None
errorlog = "-"
# gunicorn's control socket (gunicornc) would be one file per machine user: two instances
# (scaling out on one machine) would share it. Nothing here needs it.
control_socket_disable = True
# The app is built once in the master and the workers are forked from it: they start at once and
# share its memory pages. Its start-up objects are then frozen out of the garbage collector's
# way (gc.freeze): a full collection would walk them all, a 50-100 ms pause in some requests
# (bench/README.md, network availability). Each worker opens its own database connections.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"
# Only the local proxy may say the request came over https (the app's ProxyFix decides the rest).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")


def on_starting(server):
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        for stale in path.glob("*.db"):  # counts of a previous run would be added to this one's
            stale.unlink()


def when_ready(server):
    import gc

    gc.collect()
    gc.freeze()


def post_fork(server, worker):
    import gc

    gc.freeze()  # what the master made before this fork (a worker started again after a crash)
    if not server.cfg.preload_app:
        return
    app = worker.app.wsgi()
    if "sqlalchemy" in getattr(app, "extensions", {}):
        from core.extensions import db

        with app.app_context():
            db.engine.dispose(close=False)  # the master's connections stay the master's


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
