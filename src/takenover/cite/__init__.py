"""Layer 3: citations of the book, its chapters and its data, and the exports for other tools."""
