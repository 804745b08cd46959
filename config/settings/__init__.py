"""Settings split by environment: base (everything), dev, test, production."""
