#!/bin/sh
# Refresh the Chinese translation source from the UI code, then compile it.
# Translate new strings with pyside6-linguist (or by hand in the .ts), then run this again.
set -e
cd "$(dirname "$0")/.."
BIN=${PYSIDE_BIN:-.venv/bin}
"$BIN/pyside6-lupdate" $(find desktop/ui -name '*.py' | sort) -ts resources/translations/lcdreader_zh_CN.ts -no-obsolete
"$BIN/pyside6-lrelease" resources/translations/lcdreader_zh_CN.ts -qm resources/translations/lcdreader_zh_CN.qm
