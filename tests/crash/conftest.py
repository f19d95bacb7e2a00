"""Fixtures of the crash tests: processes, a hanging mail server, and booking's data fixtures."""
from tests.crash.harness import mail_server, processes  # noqa: F401 - fixtures
from tests.plugins.billing.conftest import shop, stripe_driver, stripe_emulator  # noqa: F401 - fixtures
from tests.plugins.booking.conftest import make_resource  # noqa: F401 - fixture
from tests.plugins.billing.test_billing_bookings import desk  # noqa: F401,E402 - fixture
