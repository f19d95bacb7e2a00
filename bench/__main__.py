"""`make bench`: run every bench/bench_*.py module's `main()` in turn.

Each benchmark prints its figures as ratios against a baseline measured in the same run, since
this machine is shared and noisy; absolute times are printed beside them for the record.
"""
import importlib
import pkgutil
import platform
import sys
from pathlib import Path


def machine() -> str:
    import os

    cpu = platform.processor() or platform.machine()
    return f"{platform.node()} — {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def main(argv):
    wanted = set(argv)
    here = Path(__file__).parent
    print(f"machine: {machine()}")
    for info in sorted(pkgutil.iter_modules([str(here)]), key=lambda i: i.name):
        if not info.name.startswith("bench_") or (wanted and info.name not in wanted):
            continue
        print(f"\n== {info.name}")
        importlib.import_module(f"bench.{info.name}").main()
    from bench import targets

    targets.print_summary()


if __name__ == "__main__":
    main(sys.argv[1:])
