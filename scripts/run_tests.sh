#!/usr/bin/env bash
# Install everything the tests need (system packages, a virtual environment) and run them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_system_deps.sh
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/pip install -q -e '.[dev]'
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check desktop tests scripts benchmarks packaging  # lint first: a "# noqa" must name a rule that fires
.venv/bin/lint-imports --no-cache  # the import contracts of pyproject.toml: core free of Qt, no new cycles
.venv/bin/mypy  # the core's types (pyproject.toml [tool.mypy]: strict where it passes)
exec .venv/bin/python -m pytest "$@"
