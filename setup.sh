#!/usr/bin/env bash
# One-step set-up: a virtual environment in .venv with the CPU build of torch and the project.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
# The CPU build first: an unpinned torch would pull a CUDA build of several GB.
.venv/bin/python -m pip install --quiet "torch==2.13.0"
.venv/bin/python -m pip install --quiet -e ".[test]"
echo "set up: activate with 'source .venv/bin/activate', then try: unres ask \"By when should the GGE fulfil its mandate?\""
