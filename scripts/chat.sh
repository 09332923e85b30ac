#!/usr/bin/env bash
# Set up (first run only) and start the terminal chat; no Telegram token needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m bot chat "$@"
