#!/usr/bin/env bash
# Make the release twice from clean and fail unless the two archives are the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
first=$(mktemp -d)
trap 'rm -rf "$first"' EXIT
make release
cp _build/release/*.tar.gz "$first/"
make release
for archive in "$first"/*.tar.gz; do
  name=$(basename "$archive")
  sha256sum "$archive" "_build/release/$name"
  cmp "$archive" "_build/release/$name"
done
echo "release is reproducible: both runs gave the same bytes"
