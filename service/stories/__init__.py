"""Stories: events of different articles that tell the same incident, linked into one story (pure matching here,
storage in `service/store/stories.py`)."""
