#!/bin/sh
# Add LCD Reader to the desktop's application menu (and, with --desktop, to the desktop) for this user.
# Run it once from the unpacked folder; it points the menu entry at this folder, so run it again if
# the folder moves. `./install-desktop-entry.sh --remove` takes the entry away again.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
APPS="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
ICONS="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
DESKTOP_DIR=$( (command -v xdg-user-dir >/dev/null && xdg-user-dir DESKTOP) || echo "$HOME/Desktop")
if [ "${1:-}" = "--remove" ]; then
    rm -f "$APPS/lcdreader.desktop" "$ICONS/lcdreader.png" "$DESKTOP_DIR/lcdreader.desktop"
    echo "LCD Reader menu entry removed"
    exit 0
fi
mkdir -p "$APPS" "$ICONS"
cp "$HERE/lcdreader.png" "$ICONS/lcdreader.png"
sed -e "s|^Exec=.*|Exec=\"$HERE/lcdreader\"|" -e "s|^TryExec=.*|TryExec=$HERE/lcdreader|" \
    -e "s|^Icon=.*|Icon=$HERE/lcdreader.png|" "$HERE/lcdreader.desktop" > "$APPS/lcdreader.desktop"
chmod +x "$APPS/lcdreader.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$APPS" || true
if [ "${1:-}" = "--desktop" ] && [ -d "$DESKTOP_DIR" ]; then
    cp "$APPS/lcdreader.desktop" "$DESKTOP_DIR/lcdreader.desktop"
    chmod +x "$DESKTOP_DIR/lcdreader.desktop"
    command -v gio >/dev/null && gio set "$DESKTOP_DIR/lcdreader.desktop" metadata::trusted true 2>/dev/null || true
fi
echo "LCD Reader added to the application menu ($APPS/lcdreader.desktop)"
