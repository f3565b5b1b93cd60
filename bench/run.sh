#!/usr/bin/env bash
# Every benchmark in bench/, one after the other, each printing its own table (bench/README.md
# says what each measures and records a run). Each script installs what it needs (libvips-tools,
# wrk, nginx-light with apt-get; the .NET builds); this one builds the app once for those that
# start it. Benchmarks that other work adds are run when their script is there.
#   bench/run.sh            all of them
#   bench/run.sh media public   only those named (media, public, sign-in, archive, editor)
# A benchmark that fails is reported and the others still run; the exit code says whether any did.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
all=(media public sign-in archive editor)
chosen=("$@")
[ ${#chosen[@]} -gt 0 ] || chosen=("${all[@]}")

command -v dotnet >/dev/null 2>&1 || { echo "bench/run.sh: the .NET SDK (dotnet) is needed" >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || { echo "bench/run.sh: python3 is needed (the media and sign-in benchmarks measure with it)" >&2; exit 1; }
if ! command -v curl >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq curl >/dev/null
fi

# The app in Release, for the benchmarks that start it (sign-in does not build it itself).
echo "== building the app (Release)" >&2
out=$(dotnet build -c Release -v quiet -nologo "$repo/src/NewsroomEditor.Web" 2>&1) || { echo "$out" >&2; exit 1; }

failed=()
for name in "${chosen[@]}"; do
  script="$here/$name/run.sh"
  if [ ! -f "$script" ]; then
    echo "== $name: no bench/$name/run.sh here; skipped" >&2
    continue
  fi
  echo
  echo "== $name ($(date -u +%H:%M:%S) UTC)"
  start=$(date +%s)
  if bash "$script"; then
    echo "-- $name: done in $(( $(date +%s) - start )) s"
  else
    echo "-- $name: FAILED (exit $?) after $(( $(date +%s) - start )) s"
    failed+=("$name")
  fi
done

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}"
  exit 1
fi
echo "all benchmarks ran"
