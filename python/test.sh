#!/usr/bin/env bash
# Builds the Python package into a venv under target/ and runs its tests (pytest).
#
#   bash python/test.sh            # from anywhere; CARGO_TARGET_DIR is honoured
#
# The CLI binary is built too (a no-op after `cargo test --workspace`; skipped when VAARDIG_BIN
# names one): the tests compare the package's answers with `vaardig … --json`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
VENV="$ROOT/target/python-venv"
# The CLI the tests run keeps its snapshots and search indexes here, never in the user's cache.
export VAARDIG_CACHE_DIR="${VAARDIG_CACHE_DIR:-$CARGO_TARGET_DIR/vaardig-cache}"

start=$SECONDS
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r python/requirements-test.txt

if [ -z "${VAARDIG_BIN:-}" ]; then
  echo "== python: build the CLI for the comparison tests (at $((SECONDS - start)) s)"
  cargo build --quiet -p vaardig-cli --bin vaardig
  export VAARDIG_BIN="$CARGO_TARGET_DIR/debug/vaardig"
fi

echo "== python: maturin develop (at $((SECONDS - start)) s)"
# maturin installs into the venv named by VIRTUAL_ENV.
(cd python && VIRTUAL_ENV="$VENV" PATH="$VENV/bin:$PATH" "$VENV/bin/maturin" develop --quiet)

echo "== python: pytest (at $((SECONDS - start)) s)"
"$VENV/bin/python" -m pytest -q python/tests "$@"
echo "== python: done (at $((SECONDS - start)) s)"
