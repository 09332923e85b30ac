#!/usr/bin/env bash
# Set up (first run only), check the knowledge base, lint, and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/python -m bot kb check
exec .venv/bin/python -m pytest "$@"
