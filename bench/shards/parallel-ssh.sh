#!/usr/bin/env bash
# iescan over a large code estate on a handful of ordinary machines with GNU parallel over
# ssh: one shard per job slot, the shard reports copied back, merged here.
#
# `iescan scan --shard K/N` scans a stable hash-based share of the files; `iescan merge`
# joins the shard reports into the report one unsharded scan would give (docs/scale.md).
#
#   SRC=/mnt/intranet-apps SHARDS=128 bash parallel-ssh.sh hosts.txt out/
#
# hosts.txt: one ssh login a line in GNU parallel's format, with the number of jobs each
# host runs at once, e.g. `2/scan01.example.internal` for a 2-core host (each job uses 2
# threads, so give a host cores/2 slots). Every host needs iescan on its PATH and the tree
# at the same path SRC (a shared mount, or the same rsync'ed copy); only the JSON shard
# reports travel back. A failed shard is retried twice on any host.
set -euo pipefail

hosts=${1:?usage: parallel-ssh.sh HOSTS_FILE OUT_DIR}
out=${2:?usage: parallel-ssh.sh HOSTS_FILE OUT_DIR}
: "${SRC:?set SRC to the tree to scan (same path on every host)}"
shards=${SHARDS:-128}
command -v parallel >/dev/null || { echo "GNU parallel is required (apt-get install parallel)" >&2; exit 2; }

mkdir -p "$out"
cd "$out"
# {} is the shard number K. Each job works in its own remote temporary directory (--workdir ...);
# --return brings shard-K.json back to $out and --cleanup removes it remotely.
seq 1 "$shards" | parallel --sshloginfile "$hosts" --retries 3 --joblog shards.joblog \
  --halt now,fail=1 --workdir ... --return "shard-{}.json" --cleanup \
  "iescan scan '$SRC' --shard {}/$shards --jobs 2 --fail-on none --quiet -o shard-{}.json"

files=()
for ((k = 1; k <= shards; k++)); do
  [[ -f shard-$k.json ]] || { echo "missing shard $k (see shards.joblog)" >&2; exit 1; }
  files+=("shard-$k.json")
done
# merge finds SRC/.iescan.json when SRC exists here too; otherwise name it with --config.
iescan merge "${files[@]}" --fail-on none -o report.html -o report.json
echo "report: $out/report.html (per-shard times in $out/shards.joblog)"
