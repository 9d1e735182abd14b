"""Offline geocoding: a gazetteer of countries, first-level subdivisions and GeoNames cities1000 places
(`gazetteer.py`, read from the table `generate.py` builds), name folding (`names.py`) and disambiguation by
an article's countries (`resolution.py`). No network, nothing downloaded at run time."""
