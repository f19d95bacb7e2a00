"""A complete minimal plugin, the one docs/plugins.md walks through (tested in tests/core)."""
