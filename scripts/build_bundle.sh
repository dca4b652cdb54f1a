#!/usr/bin/env bash
# Build the double-click bundle with PyInstaller: dist/lcdreader/ (one folder) and, on Linux,
# dist/lcdreader-<version>-linux-x86_64[-gpu].tar.gz.
#
#   bash scripts/build_bundle.sh              # CPU build (the default)
#   LCDREADER_GPU=1 bash scripts/build_bundle.sh   # GPU build: needs paddlepaddle-gpu in the venv
#   bash scripts/build_bundle.sh --no-tar     # skip the archive
#
# Uses .venv (override with PYTHON=/path/to/python); installs PyInstaller there if it is missing.
# Then run scripts/smoke_bundle.sh. Windows: see packaging/README.md (same spec, then Inno Setup).
set -euo pipefail
cd "$(dirname "$0")/.."
MAKE_TAR=1
for arg in "$@"; do
    case "$arg" in
        --no-tar) MAKE_TAR=0 ;;
        *) echo "usage: $0 [--no-tar]" >&2; exit 2 ;;
    esac
done
PYTHON=${PYTHON:-.venv/bin/python}
"$PYTHON" -c "import PyInstaller" 2>/dev/null || "$PYTHON" -m pip install -q 'pyinstaller>=6.10'
VERSION=$("$PYTHON" -c "import desktop; print(desktop.__version__)")
FLAVOUR=$([ "${LCDREADER_GPU:-0}" = 1 ] && echo "-gpu" || echo "")
[ -f packaging/lcdreader.png ] || QT_QPA_PLATFORM=offscreen "$PYTHON" packaging/make_icon.py

mkdir -p build
echo "building lcdreader $VERSION${FLAVOUR:+ (GPU)} with PyInstaller; log in build/pyinstaller.log"
start=$(date +%s)
if ! "$PYTHON" -m PyInstaller build.spec --noconfirm --log-level WARN > build/pyinstaller.log 2>&1; then
    tail -40 build/pyinstaller.log >&2
    echo "build failed: see build/pyinstaller.log" >&2
    exit 1
fi
build_s=$(( $(date +%s) - start ))

BUNDLE=dist/lcdreader
if [ "$(uname -s)" = Linux ]; then
    # The menu entry, its icon and the script that installs them sit next to the executable.
    cp packaging/lcdreader.desktop packaging/lcdreader.png packaging/install-desktop-entry.sh "$BUNDLE/"
    chmod +x "$BUNDLE/install-desktop-entry.sh" "$BUNDLE/lcdreader"
    cat > "$BUNDLE/README.txt" <<EOF
LCD Reader $VERSION

Start: double-click "lcdreader" in this folder (or run ./lcdreader in a terminal).
Menu entry with icon: run ./install-desktop-entry.sh once (--desktop also puts it on the desktop,
--remove takes it away). Command line: ./lcdreader --help (read, eval, bench, train, export).
Your data (sessions, finetuned models, preferences, logs) lives in ~/.local/share/lcdreader
(or \$LCDREADER_HOME), never in this folder: delete the folder to uninstall.
EOF
fi
echo "built in ${build_s} s: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1) unpacked, $(du -sh --apparent-size "$BUNDLE" | cut -f1) apparent)"

if [ "$MAKE_TAR" = 1 ] && [ "$(uname -s)" = Linux ]; then
    ARCHIVE="dist/lcdreader-$VERSION-linux-$(uname -m)$FLAVOUR.tar.gz"
    start=$(date +%s)
    tar -C dist -czf "$ARCHIVE" lcdreader
    echo "archived in $(( $(date +%s) - start )) s: $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"
fi
