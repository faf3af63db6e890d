#!/usr/bin/env bash
# Builds the .deb with CPack from the current build, installs it into a scratch root with
# dpkg (no effect on the machine), and runs the installed binary, man page and completion.
set -euo pipefail
build_dir=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
(cd "$build_dir" && cpack -G DEB -B "$scratch/out" >/dev/null)
deb=$(ls "$scratch"/out/iescan_*.deb)
echo "built $(basename "$deb")"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libgumbo libre2 libxml2 libuchardet libstdc++6; do
  case "$depends" in *"$lib"*) ;; *) echo "FAIL: Depends lacks $lib"; exit 1 ;; esac
done
mkdir -p "$scratch/root"
dpkg-deb -x "$deb" "$scratch/root"
version=$("$scratch/root/usr/bin/iescan" --version)
echo "$version"
[ "$version" = "iescan $(dpkg-deb -f "$deb" Version)" ] || { echo "FAIL: version mismatch"; exit 1; }
test -s "$scratch/root/usr/share/man/man1/iescan.1" || { echo "FAIL: no man page"; exit 1; }
test -s "$scratch/root/usr/share/bash-completion/completions/iescan" || { echo "FAIL: no completion"; exit 1; }
"$scratch/root/usr/bin/iescan" rules | tail -n 1
echo "1 passed, 0 failed"
