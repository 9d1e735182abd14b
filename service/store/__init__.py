"""Persistence: SQLAlchemy models and the queries over them. Functions take `session` keyword-only."""
