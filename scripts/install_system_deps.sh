#!/usr/bin/env bash
# System packages the app and its tests need on Debian: Qt's runtime libraries, a virtual screen
# for GUI screenshots, CJK fonts for Chinese text, LibreOffice to render Excel reports to PDF/PNG,
# PostgreSQL (the lab store's tests start their own server from its binaries).
# Run as root (or with sudo). Safe to run again.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    libgl1 libglib2.0-0 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 \
    libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libgomp1 \
    xvfb xauth fonts-noto-cjk fonts-wqy-microhei fonts-dejavu-core poppler-utils postgresql \
    libreoffice-calc-nogui >/dev/null
