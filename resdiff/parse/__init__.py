"""Parse: ``SourceText`` -> ``Document`` (header, clause tree, how it was read)."""
