"""The design's one rule: desktop/core never imports Qt (nor the UI layer)."""
import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "desktop" / "core"
FORBIDDEN = ("PySide6", "shiboken6", "desktop.ui")


def imported_modules(source: str):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_core_never_imports_qt():
    offenders = [
        f"{path.relative_to(CORE.parent.parent)}: {module}"
        for path in CORE.rglob("*.py")
        for module in imported_modules(path.read_text(encoding="utf-8"))
        if module.split(".")[0] in FORBIDDEN or module.startswith("desktop.ui")
    ]
    assert offenders == []


def test_the_import_contracts_hold(monkeypatch, capsys):
    """pyproject.toml's [tool.importlinter] contracts: the core free of Qt and the UI, and no package
    cycle beyond the exceptions listed there (each one to be removed, see docs/architecture.md)."""
    from importlinter.cli import lint_imports

    monkeypatch.chdir(CORE.parent.parent)
    monkeypatch.syspath_prepend(str(CORE.parent.parent))
    assert lint_imports(no_cache=True, no_logo=True) == 0, capsys.readouterr().out
