#!/usr/bin/env bash
# Runs every NewsroomEditor test on a fresh Debian/Ubuntu machine that has the .NET 10 SDK and Node 20.
# It installs what the tests need (Debian's Chromium for the browser tests), builds once, then
# runs the test projects (in parallel where they allow). CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")"

fail() {
  echo "test.sh: $*" >&2
  exit 1
}

# The browser tests drive a real Chromium. Playwright's own browser download is not used: it needs
# the outside internet. Debian's package is, or CHROMIUM_PATH names another build.
ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    [ -x "$CHROMIUM_PATH" ] || fail "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file."
    return
  fi
  if [ ! -x /usr/bin/chromium ]; then
    command -v apt-get >/dev/null 2>&1 ||
      fail "Chromium is missing and apt-get is not available: install Chromium and set CHROMIUM_PATH to it."
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "test.sh: installing Debian's chromium package for the browser tests..."
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; } ||
      fail "could not install the chromium package with apt-get; install Chromium and set CHROMIUM_PATH to it."
    [ -x /usr/bin/chromium ] || fail "the chromium package did not provide /usr/bin/chromium; set CHROMIUM_PATH."
  fi
  export CHROMIUM_PATH=/usr/bin/chromium
}

# The PostgreSQL tests start a throwaway cluster of their own (initdb, pg_ctl) on a free loopback
# port; they need only the server programs, from Debian's package, or NEWSROOM_PG_BIN naming them.
ensure_postgresql() {
  if [ -n "${NEWSROOM_PG_BIN:-}" ]; then
    [ -x "$NEWSROOM_PG_BIN/initdb" ] || fail "NEWSROOM_PG_BIN=$NEWSROOM_PG_BIN holds no initdb."
    return
  fi
  if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    command -v apt-get >/dev/null 2>&1 ||
      fail "PostgreSQL is missing and apt-get is not available: install PostgreSQL's server programs and set NEWSROOM_PG_BIN to the folder holding initdb."
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "test.sh: installing Debian's postgresql package for the PostgreSQL tests..."
    # The package would start its default cluster on port 5432; nothing here needs it, so a
    # policy-rc.d that refuses every start keeps it down while the package is installed.
    local policy=/usr/sbin/policy-rc.d had_policy=0
    [ -e "$policy" ] && had_policy=1
    if [ "$had_policy" -eq 0 ]; then
      printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy"
    fi
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null; } ||
      fail "could not install the postgresql package with apt-get; install it or set NEWSROOM_PG_BIN."
    [ "$had_policy" -eq 1 ] || $sudo rm -f "$policy"
    # Should a service manager have started the default cluster anyway, stop it.
    if command -v pg_lsclusters >/dev/null 2>&1; then
      pg_lsclusters --no-header 2>/dev/null | while read -r version cluster _ status _; do
        [ "$status" = "online" ] && $sudo pg_ctlcluster "$version" "$cluster" stop || true
      done
    fi
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null ||
      fail "the postgresql package did not provide /usr/lib/postgresql/*/bin/initdb; set NEWSROOM_PG_BIN."
  fi
}

ensure_chromium
ensure_postgresql
dotnet tool restore
dotnet build NewsroomEditor.sln --configuration Release

# `./test.sh --screenshots` regenerates the README's pictures (docs/screenshots/): it runs only the
# browser journey that takes them, writing into docs/ instead of TestResults/.
if [ "${1:-}" = "--screenshots" ]; then
  NEWSROOM_SCREENSHOTS=docs/screenshots dotnet test tests/NewsroomEditor.E2E --configuration Release --no-build \
    --filter "FullyQualifiedName~NewsroomDayJourneyTests" --logger "console;verbosity=minimal"
  exit
fi
# One `dotnet test` over the solution runs the test projects side by side; --no-build reuses the build above.
dotnet test NewsroomEditor.sln --configuration Release --no-build --logger "console;verbosity=minimal"
# The workflow matrix test writes its figure (allowed, refused, unexpected); show it with the results.
cat tests/NewsroomEditor.Core.Tests/bin/Release/net10.0/workflow-matrix.txt
# The access matrix (every endpoint × role over HTTP) and the security headers of its HTML answers.
cat tests/NewsroomEditor.Web.Tests/bin/Release/net10.0/access-matrix.txt
# So do the hostile-input and nothing-lost tests (NEWSROOM_SOAK=1 for their long forms; README).
for figures in tests/NewsroomEditor.Core.Tests/bin/Release/net10.0/{media-fuzz,nothing-lost}.txt \
  tests/NewsroomEditor.E2E/bin/Release/net10.0/{hostile-text,naughty-strings}.txt; do
  if [ -f "$figures" ]; then cut -f2- "$figures"; else echo "test.sh: $figures was not written"; fi
done
