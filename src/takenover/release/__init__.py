"""Layer 5: the archival edition, made from the built site: the PDFs and the release archive."""
