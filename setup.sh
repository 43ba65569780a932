#!/usr/bin/env bash
# One-step set-up: a virtual environment in .venv with the CPU build of torch and the project,
# and, where apt is available to root, what the tests drive: headless Chromium with CJK fonts,
# LibreOffice (Word files to PDF) and poppler (PDF to text).
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
# The CPU build first: an unpinned torch would pull a CUDA build of several GB.
.venv/bin/python -m pip install --quiet "torch==2.13.0"
.venv/bin/python -m pip install --quiet -e ".[test]"
if ! command -v chromium >/dev/null 2>&1 || ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1 \
    || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
    else
        echo "note: install the Debian packages chromium, fonts-noto-cjk, poppler-utils and"
        echo "      libreoffice-writer-nogui to run the browser and Word-document tests"
    fi
fi
echo "set up: try .venv/bin/unres ask \"By when should the GGE fulfil its mandate?\""
