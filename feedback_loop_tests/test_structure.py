"""Rooms that match their jobs: who may import analytics and the trainer, and who reads the environment."""

import ast

from feedback_loop_tests.package_imports import PACKAGE, imports, modules, room

# The Dagster layer wires every stage into assets, analytics included.
WIRING = {"defs"}


def test_no_module_outside_analytics_imports_analytics():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in modules()
        if room(path) not in {"analytics", *WIRING}
        and any(
            name == "feedback_loop.analytics" or name.startswith("feedback_loop.analytics.") for name in imports(path)
        )
    ]
    assert offenders == []


def _reads_the_environment(path) -> bool:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "putenv"):
            return True
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "os"
            and any(alias.name in ("environ", "getenv") for alias in node.names)
        ):
            return True
    return False


def test_settings_is_the_only_reader_of_the_environment():
    readers = [str(path.relative_to(PACKAGE)) for path in modules() if _reads_the_environment(path)]
    assert readers == ["settings.py"]


def test_serving_evaluation_and_the_model_do_not_depend_on_the_trainer():
    # `from feedback_loop import train` names the package through the imported name, so both forms are looked at.
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in modules()
        if room(path) in {"serve", "evaluate", "model"}
        and any(name == "feedback_loop.train" or name.startswith("feedback_loop.train.") for name in _names(path))
    ]
    assert offenders == []


def _names(path) -> set[str]:
    """The modules ``path`` imports, and for ``from package import name`` also ``package.name``."""
    names = set(imports(path))
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names
