#!/usr/bin/env bash
# Debian packages the site and the test suite need: Chromium for the PDFs and the
# browser tests, a font so pages render text, poppler's pdftotext, which the PDF
# tests read text with, Java for the Nu Html Checker and EPUBCheck (the EPUB's
# validator, `make epub` and the tests), and Node's npm to install that checker
# (package.json). Does nothing if they are already there.
set -euo pipefail
packages=(chromium fonts-dejavu-core poppler-utils epubcheck)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# Any Java and any npm will do (an image may ship Node from elsewhere): ask for Debian's only if none is on PATH.
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
