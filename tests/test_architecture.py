"""The package keeps its layers: imports go down only, never sideways between layers, never in a cycle.

The layers, lowest first, are listed in ARCHITECTURE.md. Every import of a `takenover` module,
anywhere in a file (including imports inside functions), is read with `ast`, so a lazy import
cannot hide an upward dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "src" / "takenover"
# Lower rank = lower layer. Layers of equal rank may not import each other.
LAYERS = {"core": 0, "data": 1, "charts": 2, "chapters": 3, "cite": 3, "site": 4, "release": 5}
MAX_LINES = 300
DECLARATIVE_PACKAGE = "takenover.data.schema."  # declarative tables of columns; allowed to be long


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every takenover module a file imports, with relative imports resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "takenover")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "takenover":
                continue
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                # `from pkg import module` depends on the module; `from module import name` on the module.
                found.add(submodule if is_module(submodule) else target)
    return found


def is_module(name: str) -> bool:
    path = PACKAGE.parent / name.replace(".", "/")
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {t for t in imports_of(path) if t in modules and t != name} for name, path in modules.items()}


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def violations(edges: dict[str, set[str]]) -> list[str]:
    found = []
    for source, targets in edges.items():
        for target in targets:
            src, dst = layer(source), layer(target)
            if src is None:
                continue  # the package's own __init__ is the public facade, above every layer
            if dst is None:
                found.append(f"{source} imports the facade `takenover`; import the module itself")
            elif src != dst and LAYERS[dst] >= LAYERS[src]:
                found.append(f"{source} ({src}) imports {target} ({dst}): imports must go to a lower layer")
    return found


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def test_every_subpackage_is_a_known_layer():
    subpackages = {p.parent.relative_to(PACKAGE).parts[0] for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE}
    assert subpackages == set(LAYERS), "add the new layer to LAYERS and ARCHITECTURE.md"
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    assert loose == [], f"modules outside any layer: {loose}"


def test_imports_only_go_down():
    assert violations(graph()) == []


def test_there_is_no_import_cycle():
    assert cycles(graph()) == []


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        (
            {"takenover.data.loader": {"takenover.chapters.register"}, "takenover.chapters.register": set()},
            "lower layer",
        ),
        (
            {"takenover.cite.exports": {"takenover.chapters.register"}, "takenover.chapters.register": set()},
            "lower layer",
        ),
        ({"takenover.charts.style": {"takenover"}, "takenover": set()}, "facade"),
    ],
    ids=["upward", "sideways", "facade"],
)
def test_the_layer_rule_catches_bad_imports(edges, expected):
    assert any(expected in v for v in violations(edges))


def test_the_cycle_finder_catches_a_cycle():
    edges = {"takenover.charts.a": {"takenover.charts.b"}, "takenover.charts.b": {"takenover.charts.a"}}
    assert cycles(edges) == [["takenover.charts.a", "takenover.charts.b", "takenover.charts.a"]]


def test_relative_and_lazy_imports_are_seen(tmp_path, monkeypatch):
    """The walker must resolve `..` imports and find imports inside functions."""
    edges = graph()
    assert "takenover.data.loader" in edges["takenover.charts.core_grades"]
    assert "takenover.data.pipeline.state" in edges["takenover.data.pipeline.claims"]
    assert "takenover.data.loader" in edges["takenover"]


def test_modules_are_short_and_init_files_small():
    for path in PACKAGE.rglob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        name = module_name(path)
        if path.name == "__init__.py":
            assert lines <= 20, f"{name}/__init__.py has {lines} lines; keep it to a docstring and re-exports"
        elif not name.startswith(DECLARATIVE_PACKAGE):
            assert lines <= MAX_LINES, f"{name} has {lines} lines; split it by job"
