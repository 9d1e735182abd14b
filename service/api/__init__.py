"""HTTP interface: routers turn requests into calls of plain functions; errors become problem+json."""
