"""Command line: ``python -m devtools.stripe_emulator --port 12111 --webhook URL[,SECRET]``."""
import argparse
import sys
import time

from devtools.ports import PortInUse

from .server import EmulatorServer


def main(argv=None, prog="python -m devtools.stripe_emulator"):
    parser = argparse.ArgumentParser(prog=prog,
                                     description="Local emulator of the Stripe API (test mode).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=12111)
    parser.add_argument("--webhook", action="append", default=[], metavar="URL[,SECRET]",
                        help="endpoint receiving signed events; a secret is generated if absent")
    parser.add_argument("--public-url", help="base URL of the hosted checkout pages, if the "
                        "emulator is reached through a proxy")
    args = parser.parse_args(argv)
    endpoints = [tuple(spec.split(",", 1)) if "," in spec else (spec, None)
                 for spec in args.webhook]
    try:
        server = EmulatorServer(args.host, args.port, endpoints, public_url=args.public_url).start()
    except PortInUse:
        print(f"stripe-emulator: port {args.port} is in use: choose another with --port "
              f"(0 takes any free port)", file=sys.stderr)
        return 1
    print(f"Stripe emulator listening on {server.url}")
    print(f"  stripe.api_base = {server.url!r}")
    for endpoint in server.webhook_endpoints:
        print(f"  webhook {endpoint['url']} secret {endpoint['secret']}")
    sys.stdout.flush()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
