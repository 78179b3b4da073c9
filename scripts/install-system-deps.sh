#!/usr/bin/env bash
# Debian packages the site and the test suite need: Chromium for the PDFs and the
# browser tests, a font so pages render text, and poppler's pdftotext, which the
# PDF tests read text with. Does nothing if they are already there.
set -euo pipefail
packages=(chromium fonts-dejavu-core poppler-utils)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
