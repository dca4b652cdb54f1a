#!/usr/bin/env bash
# Install the app in a virtual environment and start it on the bundled models and sample screens.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_system_deps.sh
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/pip install -q -e .
exec .venv/bin/lcdreader gui "$@"
