#!/usr/bin/env bash
# Side-by-side comparison of vaardig with what a data team would use instead, on real ESCO.
# Run by hand (not in CI): makes a venv under target/, installs the peers from requirements.txt,
# imports ESCO v1.1.1 from ../shared/data/esco if needed, builds the Rust side and prints the
# ratio table. Extra arguments go to compare.py (e.g. --rounds 9 --jobs autocomplete,related).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${VAARDIG_DATA:-../shared/data/esco}"
if [ ! -d "$DATA/v1.1.1" ]; then
  echo "needs ESCO v1.1.1 CSVs in $DATA/v1.1.1 (and Dutch labels in $DATA/nl); see benches/compare/README.md" >&2
  exit 2
fi
VENV=target/compare-venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet -r benches/compare/requirements.txt
cargo build --quiet --release -p vaardig-cli
cargo build --quiet --release --example compare
ESCO=target/compare/esco
if [ ! -f "$ESCO/ontology.toml" ]; then
  mkdir -p target/compare
  target/release/vaardig import esco "$DATA/v1.1.1" "$DATA/nl" --out "$ESCO"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$VENV/bin/python" benches/compare/compare.py --esco "$ESCO" --binary target/release/examples/compare "$@"
