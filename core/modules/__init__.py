"""Module toggles: which plugins are switched on, territory-wide and per site."""
