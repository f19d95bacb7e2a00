"""Hooks the conventions plugin offers to other plugins (impact...).

Added to the app's plugin manager by the core, which finds this file in the plugin's folder.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from core.hookspecs import hookspec

if TYPE_CHECKING:  # types only
    from core.accounts.models import User
    from core.ui import Widget
    from plugins.conventions.models import Partner


@hookspec
def conventions_partner_widgets(partner: Partner, user: User) -> list[Widget] | None:
    """Panels shown on a partner's page to its référents (and administrators): a collector.

    Writes nothing. Called through the territory's hook view, so a plugin switched off is not asked.

    :param partner: the `Partner` whose page is shown.
    :param user: the `User` looking at it (a référent of the partner, or an administrator).
    :return: a list of `core.ui.Widget` (the template sees `widget`), or None.
    """
