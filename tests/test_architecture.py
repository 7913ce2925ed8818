"""The shape of the package, checked: small modules, no import cycles, layers that import
only downward, and a docstring on every package saying what lives there."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "eaframework"
MAX_LINES = 300
MAX_CLI_LINES = 150

# What each layer may import from the rest of the package (besides itself and the
# package root), at module level or inside a function. The model knows nothing of files;
# rules know nothing of configuration or line numbers; only the CLI knows exit codes and
# writes files, so nothing imports the CLI.
MAY_IMPORT: dict[str, set[str]] = {
    "model": set(),
    "diagnostics": set(),
    "files": set(),
    "config": {"diagnostics", "model"},
    "cache": set(),
    "loader": {"model", "diagnostics", "files"},
    "rules": {"model", "diagnostics"},
    "modelfile": {"model", "loader", "diagnostics", "files"},
    "lint": {"loader", "rules", "config", "cache", "diagnostics", "files", "model"},
    "diagrams": {"model", "loader", "diagnostics", "files"},
    "report": {"model", "diagrams", "lint", "diagnostics"},
    "interchange": {"model", "loader", "modelfile", "diagrams", "diagnostics"},
    "changes": {"model", "loader", "lint", "diagrams", "config", "diagnostics", "files",
                "modelfile"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _resolve(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(name: str, path: Path, lazy: bool) -> set[str]:
    """Package modules `name` imports. Without `lazy`, only those imported when `name` is
    imported: module level, outside `if TYPE_CHECKING:` and `if __name__ == "__main__":`
    (imports inside functions are deliberate lazy edges, and cannot form a cycle)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if not lazy and isinstance(node, ast.If) and any(
            word in ast.unparse(node.test) for word in ("TYPE_CHECKING", "__main__")
        ):
            continue
        nested = lazy or isinstance(node, (ast.If, ast.Try))
        for sub in ast.walk(node) if nested else [node]:
            if isinstance(sub, ast.Import):
                found.update(a.name for a in sub.names)
            elif isinstance(sub, ast.ImportFrom):
                target = _resolve(name, sub, path.name == "__init__.py")
                for alias in sub.names:
                    full = f"{target}.{alias.name}"
                    found.add(full if full in MODULES else target)
    return {m for m in found if m in MODULES and m != name}


def _graph(lazy: bool) -> networkx.DiGraph:
    graph = networkx.DiGraph()
    for name, path in MODULES.items():
        graph.add_node(name)
        graph.add_edges_from((name, target) for target in _imports(name, path, lazy))
    return graph


GRAPH = _graph(lazy=False)
ALL_IMPORTS = _graph(lazy=True)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_is_small(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    limit = MAX_CLI_LINES if name.startswith("eaframework.cli") else MAX_LINES
    assert lines <= limit, f"{name} has {lines} lines; the house keeps modules under {limit}"


def test_no_import_cycle_at_module_level():
    # A package's __init__ importing its own submodules is not a cycle worth reporting
    # when the submodule imports a sibling through the package; drop parent edges.
    graph = GRAPH.copy()
    graph.remove_edges_from([(a, b) for a, b in GRAPH.edges if a.startswith(b + ".")
                             or b.startswith(a + ".")])
    cycles = list(networkx.simple_cycles(graph))
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c + c[:1]) for c in cycles)


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


@pytest.mark.parametrize("layer", sorted(MAY_IMPORT))
def test_layer_imports_only_downward(layer):
    wrong = sorted(
        f"{source} imports {target}"
        for source, target in ALL_IMPORTS.edges
        if _layer(source) == layer and _layer(target) not in MAY_IMPORT[layer] | {layer, ""}
    )
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", sorted(n for n, p in MODULES.items() if p.name == "__init__.py"))
def test_package_says_what_lives_there(name):
    doc = ast.get_docstring(ast.parse(MODULES[name].read_text(encoding="utf-8")))
    assert doc and len(doc.split()) >= 15, f"{name} needs a docstring: what lives there, what it may import"
