#!/bin/sh
# tools/package.sh — builds the Debian package of hyoka for a render host:
# build-deb/hyoka_VERSION_ARCH.deb (CPack, see packaging/install.cmake). Needs what
# tools/bootstrap.sh installs (the compilers and -dev packages; the render host needs none).
# Install it with: apt-get install ./build-deb/hyoka_*.deb
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr > /dev/null
cmake --build build-deb -j"$(nproc)" --target hyoka hyoka_man
rm -f build-deb/hyoka_*.deb
(cd build-deb && cpack -G DEB > cpack.log) || { cat build-deb/cpack.log; exit 1; }
ls build-deb/hyoka_*.deb
