"""API keys: random tokens stored as SHA-256 hashes, with scopes read < write < admin."""
