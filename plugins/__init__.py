"""Optional feature plugins of the Tiers-Lieux platform."""
