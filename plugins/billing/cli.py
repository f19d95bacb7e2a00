"""`tierslieux stripe-emulator`: the local Stripe emulator, for development by hand."""
from __future__ import annotations

import click


@click.command("stripe-emulator", context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                                     "help_option_names": []})
@click.pass_context
def stripe_emulator(ctx):
    """Run the local Stripe emulator (options: --host, --port, --webhook URL[,SECRET]; --help)."""
    from plugins.billing.emulator.__main__ import main

    ctx.exit(main(ctx.args))
