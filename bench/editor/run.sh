#!/usr/bin/env bash
# Editor at scale: server memory per open story editor against the Blazor template's Counter page,
# and typing in the body (keystroke to next paint; WebSocket traffic), with Debian's Chromium driven
# by Playwright against the real app's Release build. Results go to stdout as markdown table rows;
# bench/README.md records a run. Not part of test.sh.
#   bench/editor/run.sh [--counts 25,50,100] [--typing-seconds 60] [--typing-chars 300] [--hold-seconds S]
# --hold-seconds keeps the largest number of editors open that long (for dotnet-gcdump and the like).
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
repo=$(cd ../.. && pwd)
counts=25,50,100
pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    --counts) counts=$2; shift 2 ;;
    --typing-seconds|--typing-chars|--hold-seconds) pass+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
editors=$(tr ',' '\n' <<<"$counts" | sort -n | tail -1)
app_port=${APP_PORT:-5393}
counter_port=${COUNTER_PORT:-5394}
work=$(mktemp -d)
app_pid=""; counter_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$counter_pid" ] && kill "$counter_pid" 2>/dev/null && wait "$counter_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -x /usr/bin/chromium ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

echo "building (Release)…" >&2
dotnet build -c Release -v quiet -nologo . >/dev/null
dotnet build -c Release -v quiet -nologo "$repo/src/NewsroomEditor.Web" >/dev/null
# The reference: the SDK's own Blazor template (no download), interactive Server, outside the
# repository so that none of its build settings apply.
dotnet new blazor --interactivity Server -n CounterApp -o "$work/counter" >/dev/null
dotnet build -c Release -v quiet -nologo "$work/counter" >/dev/null

dotnet bin/Release/net10.0/NewsroomEditor.EditorBench.dll seed "$work/data" "$editors" \
  "$repo/tests/NewsroomEditor.E2E/Fixtures/sample-article-vi.txt" "$work/stories.tsv"

# Both apps as the E2E tests start theirs: Release build, Development (static assets served from the
# build output), logging at Warning. The same GC settings for both (the Web SDK's: Server GC).
( cd "$repo/src/NewsroomEditor.Web" && \
  exec env ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development Storage__DataFolder="$work/data" \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
  dotnet bin/Release/net10.0/NewsroomEditor.Web.dll --urls "http://127.0.0.1:$app_port" >"$work/app.log" 2>&1 ) &
app_pid=$!
( cd "$work/counter" && \
  exec env ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
  dotnet bin/Release/net10.0/CounterApp.dll --urls "http://127.0.0.1:$counter_port" >"$work/counter.log" 2>&1 ) &
counter_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$app_port/healthz" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$counter_port/counter" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$app_port/healthz" >/dev/null || { cat "$work/app.log" >&2; echo "the app did not start" >&2; exit 1; }
curl -fs "http://127.0.0.1:$counter_port/counter" >/dev/null || { cat "$work/counter.log" >&2; echo "the Counter app did not start" >&2; exit 1; }

dotnet bin/Release/net10.0/NewsroomEditor.EditorBench.dll measure \
  --editor "http://127.0.0.1:$app_port" --editor-pid "$app_pid" \
  --counter "http://127.0.0.1:$counter_port" --counter-pid "$counter_pid" \
  --stories "$work/stories.tsv" --counts "$counts" "${pass[@]}" || { echo "--- app log (tail)" >&2; tail -50 "$work/app.log" >&2; exit 1; }
