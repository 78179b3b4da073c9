"""Layer 2: the house style, the offline renderer with its static SVG, and the book's figures."""
