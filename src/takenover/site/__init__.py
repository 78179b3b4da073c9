"""Layer 4: Sphinx extensions that add the book's assets and citation apparatus to the built site."""
