"""Layer 1: raw inputs in, checked clean tables out, and the one loader that reads them."""
