"""What the package's modules import, read from their source (nothing is imported)."""

import ast
from collections.abc import Iterator
from pathlib import Path

import feedback_loop

PACKAGE = Path(feedback_loop.__file__).parent


def modules() -> Iterator[Path]:
    """Every module of the package."""
    return PACKAGE.rglob("*.py")


def room(path: Path) -> str:
    """The package folder (``analytics``, ``defs``...) a module lives in; ``""`` for the top-level modules."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def imports(path: Path) -> set[str]:
    """The modules ``path`` imports, at its top or inside functions."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names
