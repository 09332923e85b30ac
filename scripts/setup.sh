#!/usr/bin/env bash
# Idempotent set-up: a virtual environment in .venv with the project and its dev tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)
if [ ! -f "$stamp" ]; then
  # pip's own chatter (and this machine's warnings about index folders it lacks) goes to a log,
  # shown only when the install fails: a newcomer reads 60 warnings as a failed install.
  echo "Setting up .venv (first run only, about 2-3 minutes)..." >&2
  log=.venv/setup.log
  if ! { .venv/bin/python -m pip install --quiet --upgrade pip &&
    .venv/bin/python -m pip install --quiet -e '.[dev]'; } >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "Set-up failed; the whole log is in $log" >&2
    exit 1
  fi
  rm -f .venv/.installed-* && touch "$stamp"
fi
