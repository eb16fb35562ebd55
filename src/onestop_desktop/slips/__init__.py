"""slips layer."""
