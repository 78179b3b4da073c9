"""A YAML reader that refuses what PyYAML's safe loader quietly accepts or turns into a traceback.

- A key given twice in one mapping is refused: the safe loader keeps the last value.
- Dates stay text (`2016-02-30` would otherwise raise inside the parser), so the schemas parse them
  and can say which file and entry holds a bad one.
- Anchors and aliases are refused: nothing here needs them, and a few nested aliases can make a
  small file expand to billions of values when it is walked.
- Every error is one line that names the place: the entry (for a list of entries) and the line.
"""

from __future__ import annotations

import bisect
from typing import ClassVar

import yaml

from .errors import InputError

TIMESTAMP = "tag:yaml.org,2002:timestamp"
MERGE = "tag:yaml.org,2002:merge"


# libyaml's parser where PyYAML was built with it (several times faster); the same rules either way.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """The safe loader without implicit dates, and with duplicate keys refused."""

    yaml_implicit_resolvers: ClassVar[dict] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, _ in node.value:
                if key_node.tag == MERGE:
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    repeated = key in seen
                except TypeError:
                    raise yaml.constructor.ConstructorError(
                        None, None, "a key must be plain text, not a list or a mapping", key_node.start_mark
                    ) from None
                if repeated:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"duplicate key {key!r} in one mapping (the safe loader would keep only the last)",
                        key_node.start_mark,
                    )
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _refuse_aliases(root) -> None:
    """An alias makes the parser hand back a node it already returned; stop at the first one."""
    seen: set[int] = set()
    todo = [root] if root is not None else []
    while todo:
        node = todo.pop()
        if id(node) in seen:
            raise yaml.constructor.ConstructorError(
                None, None, "anchors and aliases (&name, *name) are not allowed; write the value out", node.start_mark
            )
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            todo += node.value
        elif isinstance(node, yaml.MappingNode):
            todo += [part for pair in node.value for part in pair]


def _place(mark, entry_lines: list[int]) -> str:
    line = f"line {mark.line + 1}"
    if not entry_lines or mark.line < entry_lines[0]:
        return line
    return f"row {bisect.bisect_right(entry_lines, mark.line)} ({line})"


def load(text: str, file: str):
    """The content of one YAML document; InputError naming `file`, the entry and the line if it is not valid."""
    loader = _Loader(text)
    entry_lines: list[int] = []
    try:
        node = loader.get_single_node()
        _refuse_aliases(node)
        if isinstance(node, yaml.SequenceNode):
            entry_lines = [item.start_mark.line for item in node.value]
        return loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = " ".join(str(err.problem or err.context or "unreadable").split())
        if mark is None:
            raise InputError(file, f"not valid YAML: {problem}") from None
        raise InputError(file, f"not valid YAML: {problem}", _place(mark, entry_lines)) from None
    except yaml.reader.ReaderError as err:
        line = text[: err.position].count("\n") + 1
        code = err.character if isinstance(err.character, int) else ord(err.character)
        raise InputError(
            file, f"holds U+{code:04X}, a character YAML does not allow in a file", f"line {line}"
        ) from None
    except yaml.YAMLError as err:
        raise InputError(file, f"not valid YAML: {' '.join(str(err).split())}") from None
    finally:
        loader.dispose()
