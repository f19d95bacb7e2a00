"""Accounts: members, site managers, territory admins and partner contacts."""
