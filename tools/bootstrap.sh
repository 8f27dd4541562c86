#!/bin/sh
# tools/bootstrap.sh — the README's first command: installs every Debian package hyoka needs
# (build tools, -dev libraries, fonts, test tools), builds, and renders an example.
# Runs as root on a fresh Debian 12 machine; safe to run again.
set -eu
cd "$(dirname "$0")/.."

PACKAGES="build-essential cmake pkg-config
  libhpdf-dev libyaml-dev libfreetype-dev libfontconfig-dev libharfbuzz-dev libpng-dev zlib1g-dev libdeflate-dev libutf8proc-dev
  fontconfig
  fonts-morisawa-bizud-gothic fonts-morisawa-bizud-mincho fonts-ipaexfont fonts-ipamj-mincho
  poppler-utils qpdf mupdf-tools ghostscript python3 python3-yaml python3-jsonschema python3-pikepdf valgrind clang libclang-rt-14-dev man-db systemd file
  git"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends $missing
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"
./build/hyoka render examples/004-sakai-kodomo.yaml -o build/004-sakai-kodomo.pdf
echo "rendered build/004-sakai-kodomo.pdf ($(pdfinfo build/004-sakai-kodomo.pdf | awk '/^Pages/ {print $2}') pages)"
