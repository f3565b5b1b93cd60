#!/usr/bin/env bash
# A newsroom's ten years of archive for benchmarks at scale: builds bench/data (Release), creates the
# database with the product's migrations and fills it through the model, then opens it with the Core
# to count and check it (--verify). Not part of test.sh. bench/README.md records a run.
#   bench/data/run.sh [--stories N] [--out path/newsroom.db] [--seed S]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/out/newsroom.db"
args=("$@")
# --out is taken relative to the caller's directory; the default is bench/data/out/newsroom.db.
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = "--out" ] && [ $((i + 1)) -lt ${#args[@]} ]; then
    out=$(realpath -m "${args[$((i + 1))]}")
    args[$((i + 1))]="$out"
  fi
done
cd "$here"

echo "building (Release)…" >&2
dotnet build -c Release -v quiet -nologo . >/dev/null
bench="dotnet bin/Release/net10.0/NewsroomEditor.DataBench.dll"
/usr/bin/time -f "generate: %e s wall, %M KB peak RSS" $bench "${args[@]}" $( [[ " ${args[*]} " == *" --out "* ]] || echo --out "$out")
$bench --verify --out "$out"
