"""Sites: the telecentres and coworking spaces of the territory's network."""
