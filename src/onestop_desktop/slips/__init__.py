"""Printed forms as PDF (#10): Mẫu 01–05 of a dossier (``forms``), the ledger Mẫu 06, Biểu 06
and the daily summary (``registers``), drawn from the plain data of ``model`` with the shipped
DejaVu Sans (``base``). No database, no Qt: ``services/slips.py`` gathers the data."""
