"""Lexicon data files, one folder per language (``en/``; ``fr/``, ``es/``... later)."""
