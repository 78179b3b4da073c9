"""Layer 3: the views each chapter calls (facts for glue, tables), one module per chapter or theme."""
