"""Billing plugin: online payments through Stripe."""
