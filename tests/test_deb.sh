#!/bin/sh
# tests/test_deb.sh — the Debian package, without installing it on this machine: cpack makes the
# .deb from the build directory; its Depends must name the Debian 12 package of every shared
# library the program loads and of every font family fonts.yaml names, and nothing to build
# with; its files are unpacked into an empty root and the unpacked program renders an example
# from an empty directory. (Installing it for real: docs/install.md.)
#
#   sh tests/test_deb.sh BUILD_DIR SOURCE_DIR
set -eu
[ $# -eq 2 ] || { echo "usage: test_deb.sh BUILD_DIR SOURCE_DIR" >&2; exit 2; }
B=$(cd "$1" && pwd)
S=$(cd "$2" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL deb: $*"; exit 1; }

cpack -G DEB --config "$B/CPackConfig.cmake" -B "$T/pkg" > "$T/cpack.log" 2>&1 || { cat "$T/cpack.log"; fail "cpack"; }
set -- "$T"/pkg/hyoka_*.deb
[ -f "$1" ] || fail "no hyoka_*.deb made"
DEB=$1
[ "$(dpkg-deb -f "$DEB" Package)" = hyoka ] || fail "package name"
depends=$(dpkg-deb -f "$DEB" Depends)
recommends=$(dpkg-deb -f "$DEB" Recommends)
names=$(printf '%s\n' "$depends" | tr ',' '\n' | sed 's/(.*//; s/ //g' | grep -v '^$')
in_depends() { printf '%s\n' "$names" | grep -qx "$1"; }

# nothing to build with
for n in $names; do
    case $n in
        *-dev|gcc*|g++*|clang*|cmake|make|build-essential|pkg-config) fail "Depends names a build tool: $n" ;;
    esac
done

# every shared library of the program comes from a package in Depends
mkdir "$T/root"
dpkg-deb -x "$DEB" "$T/root"
H=$T/root/usr/bin/hyoka
[ -x "$H" ] || fail "no usr/bin/hyoka in the package"
for lib in $(ldd "$H" | awk '$2 == "=>" && $3 ~ /^\// {print $3}'); do
    case $(basename "$lib") in libasan*|libubsan*) continue ;; esac
    real=$(readlink -f "$lib")
    pkg=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null || dpkg -S "/usr$lib" 2>/dev/null || dpkg -S "/usr$real" 2>/dev/null) ||
        fail "no Debian package owns $lib"
    pkg=$(printf '%s\n' "$pkg" | head -n1 | cut -d: -f1)
    # the program's own dependencies must be listed; libraries that those pull in need not be
    if readelf -d "$H" | grep -q "NEEDED.*\[$(basename "$lib")\]"; then
        in_depends "$pkg" || fail "$(basename "$lib") comes from $pkg, which is not in Depends: $depends"
    fi
done

# every font family of fonts.yaml comes from a package in Depends (or Recommends)
families=$(python3 -c 'import sys, yaml
for v in yaml.safe_load(open(sys.argv[1])).values():
    for f in (v if isinstance(v, list) else [v]): print(f)' "$S/fonts/fonts.yaml" | sort -u)
printf '%s\n' "$families" | while IFS= read -r fam; do
    file=$(fc-list ":family=$fam" file | sed 's/:[[:space:]]*$//' | xargs -r readlink -f | sort | head -n1)
    [ -n "$file" ] || fail "font family '$fam' is not installed here"
    pkg=$(dpkg -S "$file" 2>/dev/null | head -n1 | cut -d: -f1) || true
    [ -n "$pkg" ] || fail "no Debian package owns $file ($fam)"
    in_depends "$pkg" || printf '%s\n' "$recommends" | grep -q "\b$pkg\b" ||
        fail "font '$fam' comes from $pkg, which is neither in Depends nor Recommends"
done

# the files, and the unpacked program working from an empty directory
for f in usr/share/hyoka/layouts/juten.yaml usr/share/hyoka/fonts/fonts.yaml usr/share/man/man1/hyoka.1.gz \
         usr/share/bash-completion/completions/hyoka usr/share/doc/hyoka/README.md \
         usr/share/doc/hyoka/examples/002-chiba-kenshin.yaml; do
    [ -s "$T/root/$f" ] || fail "not in the package: $f"
done
mkdir "$T/empty"
cd "$T/empty"
unset HYOKA_LAYOUTS HYOKA_FONTS
"$H" render "$T/root/usr/share/doc/hyoka/examples/002-chiba-kenshin.yaml" -o out.pdf || fail "the packaged program cannot render"
pages=$(pdfinfo out.pdf | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -gt 1 ] || fail "out.pdf has ${pages:-no} pages"
echo "deb: ok ($(basename "$DEB"), $pages pages; Depends: $depends)"
