#!/usr/bin/env bash
# Makes the seed inputs of every fuzz target from the project's corpus and rule catalogue.
#
#   make_seeds.sh <project root> <seed dir> [<work dir>]
#
# Each target gets <seed dir>/<target>/. Targets whose input starts with a selector byte
# (see each *_fuzzer.cc) get that byte prepended, chosen to match the file's kind. The seed
# dir is recreated on every run; the work dir (where libFuzzer keeps what it finds) is only
# created.
set -euo pipefail
root=$1
seeds=$2
work=${3:-}

rm -rf "$seeds"
for t in decode html xml lex rule config baseline; do
  mkdir -p "$seeds/$t"
  [ -n "$work" ] && mkdir -p "$work/$t"
done

n=0
# seed <target> <selector bytes as printf escapes> <file>
seed() {
  n=$((n + 1))
  { printf "$2"; cat "$3"; } > "$1/seed-$n"
}

while IFS= read -r -d '' f; do
  # Decoding: no transport charset, offsets seeded from the file number.
  seed "$seeds/decode" '\000\001\002\003\004' "$f"
  case "${f,,}" in
    *.html|*.htm|*.inc) seed "$seeds/html" '\000' "$f" ;;
    *.asp)  seed "$seeds/html" '\001' "$f" ;;
    *.jsp)  seed "$seeds/html" '\004' "$f" ;;
    *.hta)  seed "$seeds/html" '\006' "$f" ;;   # kind kHta, dialect none
    *.htc)  seed "$seeds/html" '\014' "$f" ;;   # kind kHtc, dialect none
    *.js)   seed "$seeds/lex" '\000' "$f" ;;
    *.css)  seed "$seeds/lex" '\002' "$f" ;;
    *.xsl)  seed "$seeds/xml" '\001' "$f" ;;
    *.xml|*.config) seed "$seeds/xml" '\000' "$f" ;;
  esac
done < <(find "$root/corpus" -type f ! -name '*.md' ! -name '.git*' -print0 | sort -z)

# Small hand-made seeds for what the corpus has little of.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/island.xml" <<'XML'
<?xml version="1.0" encoding="windows-1252"?>
<!DOCTYPE data [ <!ENTITY co "Contoso"> ]>
<data xmlns:msxsl="urn:schemas-microsoft-com:xslt"><row name="&co;">1</row><![CDATA[x<y]]></data>
XML
seed "$seeds/xml" '\000' "$tmp/island.xml"
cat > "$tmp/page.vbs" <<'VBS'
Option Explicit
Dim o : Set o = CreateObject("Scripting.FileSystemObject")
If o.FileExists("c:\x.txt") Then MsgBox "yes" & _
  " ""quoted"" " & &H1F & #1/2/2003# Else Rem nothing
VBS
seed "$seeds/lex" '\001' "$tmp/page.vbs"
cat > "$tmp/razor.cshtml" <<'RAZOR'
@{ var x = 1; }<div onclick="@Html.Raw(x)">@x</div><?php echo 1; ?><%-- c --%>
RAZOR
seed "$seeds/html" '\003' "$tmp/razor.cshtml"
seed "$seeds/html" '\005' "$tmp/razor.cshtml"
seed "$seeds/html" '\002' "$tmp/razor.cshtml"

# The rule loader: every catalogue rule, its JSON, a NUL, then its Markdown doc.
while IFS= read -r -d '' j; do
  md=${j%.json}.md
  n=$((n + 1))
  { cat "$j"; printf '\000'; [ -f "$md" ] && cat "$md"; } > "$seeds/rule/seed-$n"
done < <(find "$root/rules/catalog" -name '*.json' -print0 | sort -z)

cat > "$seeds/config/full.json" <<'JSON'
// comment
{ "include": ["**/*.asp"], "exclude": ["vendor/**"], "rules": {"x": "off", "y": "high"},
  "rule_dirs": ["rules"], "apps": [{"name": "a", "paths": ["a/**"], "urls": ["http://h/a"],
  "owner": "o", "users": 10}], "priority": {"users": 1.5}, "fail_on": "high",
  "outputs": ["r.json"], "max_file_size": "32MiB", "baseline": "b.json", "lang": "en" }
JSON
printf '{}' > "$seeds/config/empty.json"

cat > "$seeds/baseline/one.json" <<'JSON'
{"schema": "iescan-baseline/1", "findings": [
 {"path": "a/index.asp", "rule": "activex/activex-object", "fingerprint": "0123abcd",
  "count": 2, "snippet": "new ActiveXObject(\"x\")"}]}
JSON
printf '{"schema": "iescan-baseline/1", "findings": []}' > "$seeds/baseline/empty.json"

for t in decode html xml lex rule config baseline; do
  echo "$t: $(find "$seeds/$t" -type f | wc -l) seeds"
done
