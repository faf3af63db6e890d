#!/usr/bin/env bash
# iescan over a large code estate on a Slurm cluster: one array task per shard, then a merge
# job that starts only when every task succeeded.
#
# `iescan scan --shard K/N` scans a stable hash-based share of the files; `iescan merge`
# joins the shard reports into the report one unsharded scan would give (docs/scale.md).
#
#   IESCAN_SRC=/shared/intranet-apps IESCAN_OUT=/shared/iescan-run SHARDS=128 \
#     bash slurm-array.sh submit
#
# `submit` sends the array (SHARDS tasks, at most 16 at a time) and the merge with
# --dependency=afterok on it. Slurm runs this same file for each task (no argument) and for
# the merge (argument `merge`). IESCAN_SRC must be readable at the same path on every node.
#SBATCH --job-name=iescan
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=01:00:00
#SBATCH --output=%x-%A_%a.log
set -euo pipefail

: "${IESCAN_SRC:?set IESCAN_SRC to the tree to scan}"
: "${IESCAN_OUT:?set IESCAN_OUT to a shared directory for the results}"
shards=${SHARDS:-128}
self=$(realpath "${BASH_SOURCE[0]}")

case ${1:-task} in
  submit)
    mkdir -p "$IESCAN_OUT"
    array=$(sbatch --parsable --array="1-$shards%16" \
      --export=ALL,IESCAN_SRC="$IESCAN_SRC",IESCAN_OUT="$IESCAN_OUT",SHARDS="$shards" "$self")
    sbatch --parsable --job-name=iescan-merge --dependency="afterok:$array" \
      --cpus-per-task=1 --mem=4G \
      --export=ALL,IESCAN_SRC="$IESCAN_SRC",IESCAN_OUT="$IESCAN_OUT",SHARDS="$shards" \
      "$self" merge
    echo "submitted shards as job $array; the merge runs after it"
    ;;
  task)
    k=${SLURM_ARRAY_TASK_ID:?run through 'submit' or sbatch --array}
    # Written in partial/ and renamed, so the merge never sees a half-written report.
    mkdir -p "$IESCAN_OUT/partial"
    iescan scan "$IESCAN_SRC" --shard "$k/$shards" --jobs "${SLURM_CPUS_PER_TASK:-2}" \
      --fail-on none --quiet -o "$IESCAN_OUT/partial/shard-$k.json"
    mv "$IESCAN_OUT/partial/shard-$k.json" "$IESCAN_OUT/shard-$k.json"
    ;;
  merge)
    files=()
    for ((k = 1; k <= shards; k++)); do
      [[ -f $IESCAN_OUT/shard-$k.json ]] || { echo "missing shard $k" >&2; exit 1; }
      files+=("$IESCAN_OUT/shard-$k.json")
    done
    # The configuration is found from the recorded root, $IESCAN_SRC, as the shards found it.
    iescan merge "${files[@]}" --fail-on none -o "$IESCAN_OUT/report.html" \
      -o "$IESCAN_OUT/report.json" -o "$IESCAN_OUT/report.sarif"
    ;;
  *)
    echo "usage: slurm-array.sh submit" >&2
    exit 2
    ;;
esac
