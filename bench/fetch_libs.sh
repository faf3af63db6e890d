#!/usr/bin/env bash
# Adds real third-party JavaScript libraries of the Internet Explorer era to a benchmark
# corpus, taken from the npm registry with `npm pack` at bench time (never committed).
#
#   bench/fetch_libs.sh DEST [CACHE]
#
# DEST    directory that receives shared-libs/<package>-<version>/ (the package's .js, .css,
#         .htm/.html and .xml files, as an intranet app would vendor them)
# CACHE   where the downloaded tarballs are kept between runs (default: DEST/../npm-packs)
#
# Exits 0 with a message when npm is missing or the registry cannot be reached, so a
# benchmark run goes on without the libraries. Prints one line per package and a total.
set -uo pipefail

dest=${1:?usage: fetch_libs.sh DEST [CACHE]}
cache=${2:-$(dirname "$dest")/npm-packs}

# package@version, then a note. Packages not on npm as their browser builds are listed in
# bench/README.md (Prototype, script.aculo.us, Modernizr 2.x).
specs=(
  "jquery@1.5.1"
  "jquery@1.12.4"
  "jquery-ui@1.10.4"
  "mootools@1.4.5"
  "dojo@1.6.5"
  "yui@3.5.0"
  "tinymce@4.1.0"
  "json-js@1.1.2"
  "html5shiv@3.7.3"
  "respond.js@1.4.2"
  "swfobject@2.2.1"
  "es5-shim@4.5.15"
  "selectivizr@1.0.3"
  "modernizr@2.8.3"
)

if ! command -v npm >/dev/null 2>&1; then
  echo "fetch_libs: npm is not installed; skipping the third-party libraries"
  exit 0
fi
if ! timeout 30 npm ping >/dev/null 2>&1; then
  echo "fetch_libs: the npm registry is unreachable; skipping the third-party libraries"
  exit 0
fi

mkdir -p "$dest/shared-libs" "$cache" || exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
total_files=0
total_bytes=0
for spec in "${specs[@]}"; do
  name=${spec%@*}
  version=${spec##*@}
  tarball="$cache/${name//\//-}-$version.tgz"
  if [[ ! -s $tarball ]]; then
    if ! out=$(cd "$tmp" && timeout 180 npm pack "$spec" --silent 2>&1); then
      echo "fetch_libs: $spec is not available from npm; skipped"
      continue
    fi
    packed=$(tail -n1 <<<"$out")
    mv "$tmp/$packed" "$tarball" || continue
  fi
  target="$dest/shared-libs/$name-$version"
  rm -rf "$target"
  mkdir -p "$target"
  tar xzf "$tarball" -C "$target" --strip-components=1 \
      --wildcards --no-anchored '*.js' '*.css' '*.htm' '*.html' '*.xml' 2>/dev/null
  find "$target" -type f \( -name '._*' -o -path '*/node_modules/*' \) -delete
  files=$(find "$target" -type f | wc -l)
  bytes=$(find "$target" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
  total_files=$((total_files + files))
  total_bytes=$((total_bytes + bytes))
  printf 'fetch_libs: %-20s %5d files %9d bytes\n' "$spec" "$files" "$bytes"
done
printf 'fetch_libs: total %d files, %d bytes in %s/shared-libs\n' "$total_files" "$total_bytes" "$dest"
