#!/bin/sh
# Sign-in timing: starts the app built in Release (or the folder given as $1) on a fresh data
# folder with a seeded admin, then measures known vs unknown e-mails (measure.py). Lockout and
# the per-address rate limit are raised for the run, or they would end it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app=${1:-$here/../../src/NewsroomEditor.Web/bin/Release/net10.0}
n=${2:-50}
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ASPNETCORE_ENVIRONMENT=Production Storage__DataFolder="$data" \
  Seed__AdminEmail=admin@example.vn Seed__AdminPassword='correct horse battery staple' \
  Security__LockoutAttempts=1000000 Security__RateLimit__PermitLimit=0 Logging__LogLevel__Default=Warning \
  dotnet "$app/NewsroomEditor.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$app" >"$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 60); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 1
done
python3 "$here/measure.py" "http://127.0.0.1:$port" admin@example.vn "$n"
