#!/usr/bin/env bash
# Set up (first run only), lint, check the layer contracts and the knowledge base, run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/lint-imports
.venv/bin/python -m bot kb check
exec .venv/bin/python -m pytest "$@"
