"""OneStop Desktop: the offline-first app for a commune one-stop counter."""

__version__ = "0.1.0"
