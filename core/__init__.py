"""Tiers-Lieux core: the app factory, accounts, sites, modules and the plugin system."""
from core.factory import create_app

__all__ = ["create_app"]
