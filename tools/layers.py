"""The layering check: which project package may import which, and no import circles.

Run ``python tools/layers.py`` (plain Python, no Django): it reads every ``.py`` of
the project packages (not tests, bench or migrations) with ``ast`` and collects
*every* import — at module level, inside functions and methods, under ``if
TYPE_CHECKING:`` (counted too: a type-only import still says one module knows the
other) and relative ones — resolved to project modules. Then it fails when

1. a package imports a package that is not below it in ``LAYERS`` (the order in
   ``docs/architecture.md``), or
2. modules import each other in a circle (a strongly connected component of more
   than one module), wherever the imports sit.

Package ``__init__`` files: an ``__init__`` that imports its own submodules is the
package's surface (re-exports, so migrations and callers keep their import paths),
not a dependency, so those edges are left out; and ``from pkg import name`` where
``pkg/__init__`` re-exports ``name`` from ``pkg.sub`` counts as an import of
``pkg.sub``. So ``legal.models`` re-exporting ``legal.models.pages`` is no circle,
while two submodules importing each other through the package still are.

String references (``apps.get_model("products.Brand")``, ``"cms.HomePage"`` in
``parent_page_types``, dotted paths in settings) are not imports and not counted.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Lowest first; a package may import only the packages of the layers before its
# own. Packages in one layer (products, legal) may not import each other.
LAYERS: list[tuple[str, ...]] = [
    ("core",),  # base: errors, client details, cache primitives
    ("cms",),  # site-wide content: HomePage, SiteSettings, images, documents
    ("products", "legal"),  # domain apps
    ("members",),  # domain app
    ("delivery",),  # webhooks, CDN purge, cache invalidation, publishing hooks
    ("frontend_api",),  # the REST API
    ("demo",),  # seed_demo and its data
    ("config",),  # settings, urls, wsgi, asgi
]
PACKAGES = [name for layer in LAYERS for name in layer]
SKIPPED_DIRS = {"migrations", "tests", "__pycache__"}

# --- Exceptions ------------------------------------------------------------------
# Known circles and edges the check tolerates. Both are empty and should stay so: an
# entry needs a reason in its comment and an issue that removes it.
KNOWN_MEMBERS_CIRCLES: list[frozenset[str]] = []
KNOWN_MEMBERS_EDGES: set[tuple[str, str]] = set()
# ---------------------------------------------------------------------------------


def allowed_packages(layers: Sequence[tuple[str, ...]] = LAYERS) -> dict[str, set[str]]:
    allowed: dict[str, set[str]] = {}
    below: set[str] = set()
    for layer in layers:
        for name in layer:
            allowed[name] = set(below)
        below |= set(layer)
    return allowed


@dataclass(frozen=True)
class Import:
    source: str  # importing module
    target: str  # imported project module
    path: Path
    line: int


@dataclass
class Report:
    package_edges: dict[tuple[str, str], list[Import]] = field(default_factory=dict)
    forbidden: list[tuple[str, str]] = field(default_factory=list)
    cycles: list[list[str]] = field(default_factory=list)
    cycle_imports: list[list[Import]] = field(default_factory=list)
    tolerated: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    modules: int = 0

    @property
    def ok(self) -> bool:
        return not self.forbidden and not self.cycles


def module_files(root: Path, packages: Iterable[str]) -> dict[str, Path]:
    """Dotted module name → file, for every module of ``packages`` under ``root``."""
    modules: dict[str, Path] = {}
    for package in packages:
        base = root / package
        if not (base / "__init__.py").is_file():
            continue
        for path in sorted(base.rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if SKIPPED_DIRS.intersection(parts[:-1]):
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def _base_of_relative(module: str, path: Path, level: int) -> str:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(level - 1):
        package = package.rpartition(".")[0]
    return package


def _raw_imports(module: str, path: Path) -> list[tuple[str, list[str], int]]:
    """(imported module, names taken from it, line) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, list[str], int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                prefix = _base_of_relative(module, path, node.level)
                base = f"{prefix}.{base}" if base else prefix
            found.append((base, [alias.name for alias in node.names], node.lineno))
    return found


def _reexports(modules: dict[str, Path]) -> dict[str, dict[str, str]]:
    """For each package ``__init__``: re-exported name → the submodule defining it."""
    result: dict[str, dict[str, str]] = {}
    for module, path in modules.items():
        if path.name != "__init__.py":
            continue
        names: dict[str, str] = {}
        for target, taken, _line in _raw_imports(module, path):
            if target.startswith(module + ".") and target in modules:
                for name in taken:
                    names[name] = target
        result[module] = names
    return result


def _resolve(
    target: str, names: list[str], modules: dict[str, Path], reexports
) -> set[str]:
    """The project modules an import statement depends on (empty: not ours)."""
    if not names:  # ``import a.b.c``
        while target and target not in modules:
            target = target.rpartition(".")[0]
        return {target} if target else set()
    resolved: set[str] = set()
    for name in names:
        if f"{target}.{name}" in modules:
            resolved.add(f"{target}.{name}")
        elif name in reexports.get(target, {}):
            resolved.add(reexports[target][name])
        elif target in modules:
            resolved.add(target)
    return resolved


def collect_imports(root: Path, packages: Sequence[str]) -> tuple[list[Import], int]:
    modules = module_files(root, packages)
    reexports = _reexports(modules)
    imports = []
    for module, path in modules.items():
        is_package = path.name == "__init__.py"
        for target, names, line in _raw_imports(module, path):
            for resolved in _resolve(target, names, modules, reexports):
                if resolved == module:
                    continue
                if is_package and resolved.startswith(module + "."):
                    continue  # the package's own surface (see the docstring)
                imports.append(Import(module, resolved, path, line))
    return imports, len(modules)


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative; components of more than one node."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        components.append(sorted(component))
    return sorted(components)


def check(
    root: Path = ROOT,
    layers: Sequence[tuple[str, ...]] = LAYERS,
    known_circles: Iterable[frozenset[str]] = (),
    known_edges: Iterable[tuple[str, str]] = (),
) -> Report:
    packages = [name for layer in layers for name in layer]
    allowed = allowed_packages(layers)
    imports, count = collect_imports(root, packages)
    report = Report(modules=count)
    known_edges = set(known_edges)
    used_edges: set[tuple[str, str]] = set()
    for item in imports:
        source, target = item.source.split(".")[0], item.target.split(".")[0]
        if source == target:
            continue
        if (item.source, item.target) in known_edges:
            used_edges.add((item.source, item.target))
            report.tolerated.append(
                f"{item.source} -> {item.target} (KNOWN_MEMBERS_EDGES)"
            )
            continue
        report.package_edges.setdefault((source, target), []).append(item)
    report.forbidden = sorted(
        edge for edge in report.package_edges if edge[1] not in allowed[edge[0]]
    )
    report.stale += [f"edge {a} -> {b}" for a, b in sorted(known_edges - used_edges)]

    graph: dict[str, set[str]] = defaultdict(set)
    for item in imports:
        graph[item.source].add(item.target)
    known = list(known_circles)
    used_circles = set()
    for component in strongly_connected(graph):
        match = next((k for k in known if set(component) <= k), None)
        if match is None:
            report.cycles.append(component)
        else:
            used_circles.add(match)
            report.tolerated.append(
                "circle " + ", ".join(component) + " (KNOWN_MEMBERS_CIRCLES)"
            )
    report.stale += [
        "circle " + ", ".join(sorted(k)) for k in known if k not in used_circles
    ]
    report.cycle_imports = [
        [i for i in imports if i.source in set(c) and i.target in set(c)]
        for c in report.cycles
    ]
    return report


def render(report: Report, root: Path, layers: Sequence[tuple[str, ...]]) -> str:
    allowed = allowed_packages(layers)
    lines = [f"Layers ({report.modules} modules), lowest first:"]
    lines += ["  " + " | ".join(layer) for layer in layers]
    lines.append("Package imports:")
    by_source: dict[str, list[str]] = defaultdict(list)
    for source, target in sorted(report.package_edges):
        mark = "" if target in allowed[source] else " (FORBIDDEN)"
        by_source[source].append(target + mark)
    for package in (name for layer in layers for name in layer):
        lines.append(f"  {package} -> {', '.join(by_source[package]) or '(nothing)'}")
    for source, target in report.forbidden:
        lines.append(f"FORBIDDEN {source} -> {target}:")
        for item in report.package_edges[(source, target)]:
            where = item.path.relative_to(root)
            lines.append(f"    {where}:{item.line} imports {item.target}")
    for component, edges in zip(report.cycles, report.cycle_imports, strict=True):
        lines.append(f"CIRCLE of {len(component)} modules: {', '.join(component)}")
        for item in edges:
            where = item.path.relative_to(root)
            lines.append(f"    {where}:{item.line} imports {item.target}")
    for note in report.tolerated:
        lines.append(f"tolerated for now: {note}")
    for note in report.stale:
        lines.append(f"allowlist entry no longer needed (remove it): {note}")
    if report.ok:
        lines.append("OK: every import goes down the layers, no module circles.")
    else:
        lines.append(
            f"FAILED: {len(report.forbidden)} forbidden package import(s), "
            f"{len(report.cycles)} module circle(s)."
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    report = check(root, LAYERS, KNOWN_MEMBERS_CIRCLES, KNOWN_MEMBERS_EDGES)
    print(render(report, root, LAYERS))  # noqa: T201
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
