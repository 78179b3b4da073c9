"""Layer 0: where the project's files are, and its metadata. Every other layer may use it."""
