"""Input schemas: what every raw YAML file under data/raw/ must hold, declared once with pydantic.

`read.read_entries(path, Model)` and `read.read_document(path, Model)` read a file through its model
and stop at the first problem with one line naming the file and row.
"""
