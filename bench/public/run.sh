#!/usr/bin/env bash
# Public-site throughput: requests per second and p99 latency of one published article, served
#   (1) from the output cache, and (2) as a cache miss (rendered from the database every time),
# each against nginx serving the byte-identical HTML file, on this machine, in this run, with wrk.
# Results go to stdout; bench/README.md records a run. Not part of test.sh.
#   DURATION=10s THREADS=2 CONNECTIONS=32 bench/public/run.sh
set -euo pipefail
cd "$(dirname "$0")"
repo=$(cd ../.. && pwd)
duration=${DURATION:-10s}
threads=${THREADS:-2}
connections=${CONNECTIONS:-32}
app_port=${APP_PORT:-5391}
nginx_port=${NGINX_PORT:-5392}
work=$(mktemp -d)
app_pid=""; nginx_started=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$nginx_started" ] && [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null 2>&1 || { ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; }; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk nginx-light >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

echo "building (Release)…" >&2
# Quiet, but a failed build shows its errors (set -e would otherwise end the script without a word).
build() { local out; out=$(dotnet build -c Release -v quiet -nologo "$1" 2>&1) || { echo "$out" >&2; return 1; }; }
build .
build "$repo/src/NewsroomEditor.Web"

# The newsroom: admin, reporter, editor, and the sample article published through the story services.
article=$(dotnet bin/Release/net10.0/NewsroomEditor.PublicBench.dll seed "$work/data" "$repo/tests/NewsroomEditor.E2E/Fixtures/sample-article-vi.txt")
echo "article: $article" >&2

# The real app, as production runs it.
( cd "$repo/src/NewsroomEditor.Web" && \
  ASPNETCORE_URLS="http://127.0.0.1:$app_port" ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
  Storage__DataFolder="$work/data" Logging__LogLevel__Default=Warning \
  exec dotnet bin/Release/net10.0/NewsroomEditor.Web.dll >"$work/app.log" 2>&1 ) &
app_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$app_port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$app_port/healthz" >/dev/null || { cat "$work/app.log" >&2; echo "the app did not start" >&2; exit 1; }

# The identical HTML for nginx, at the same path, with the same content type.
mkdir -p "$work/www$(dirname "$article")"
curl -fs "http://127.0.0.1:$app_port$article" -o "$work/www$article"
echo "html: $(wc -c <"$work/www$article") bytes" >&2
cat > "$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    default_type "text/html; charset=utf-8";
    location / { try_files \$uri =404; }
  }
}
NGINX
mkdir -p "$work/tmp"
# nginx started as root serves with unprivileged workers: they must be able to read the file.
chmod 755 "$work"; chmod -R a+rX "$work/www"
"$nginx_bin" -c "$work/nginx.conf" -p "$work" -e "$work/nginx-error.log"
nginx_started=1
sleep 0.5
cmp -s <(curl -fs "http://127.0.0.1:$nginx_port$article") "$work/www$article" || { cat "$work/nginx-error.log" >&2; echo "nginx does not serve the same bytes" >&2; exit 1; }

# A cache miss: the public site's cache varies by ?page (list pages), and the article ignores it,
# so a fresh page number per request renders the same article from the database every time.
cat > "$work/miss.lua" <<'LUA'
local counter = 0
local prefix = 0
function setup(thread)
  prefix = prefix + 1
  thread:set("prefix", prefix)
end
function init(args)
  counter = prefix * 100000000
end
function request()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?page=" .. counter)
end
LUA
# Proof that it misses: the cache answers a repeated URL with an Age header, a new one without.
age() { curl -fsD - -o /dev/null "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="age"{print $2}'; }
curl -fs -o /dev/null "http://127.0.0.1:$app_port$article?page=7"
echo "repeat ?page=7 Age: '$(age "http://127.0.0.1:$app_port$article?page=7")' (cached); new ?page=8 Age: '$(age "http://127.0.0.1:$app_port$article?page=8")' (rendered)" >&2
cmp -s <(curl -fs "http://127.0.0.1:$app_port$article?page=9") "$work/www$article" || echo "warning: a ?page variant differs from the article" >&2

# measure LABEL URL [SCRIPT]: "label rps p99" from wrk --latency.
measure() {
  local label=$1 url=$2 script=${3:-}
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency ${script:+-s "$script"} "$url")
  local rps p99 non2xx
  rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/{print $NF}' <<<"$out")
  [ -z "$non2xx" ] || echo "warning: $label had $non2xx non-2xx responses" >&2
  echo "$label $rps $p99"
}
to_ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v+0} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} else print v }'; }

# Warm up the JIT and the cache, then measure.
wrk -t"$threads" -c"$connections" -d3s "http://127.0.0.1:$app_port$article" >/dev/null
wrk -t"$threads" -c"$connections" -d3s -s "$work/miss.lua" "http://127.0.0.1:$app_port$article" >/dev/null
results=()
results+=("$(measure nginx "http://127.0.0.1:$nginx_port$article")")
results+=("$(measure cached "http://127.0.0.1:$app_port$article")")
results+=("$(measure miss "http://127.0.0.1:$app_port$article" "$work/miss.lua")")

nginx_rps=$(awk '{print $2}' <<<"${results[0]}"); nginx_p99=$(to_ms "$(awk '{print $3}' <<<"${results[0]}")")
echo "wrk -t$threads -c$connections -d$duration; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%Y-%m-%d)"
echo "| served by | requests/s | p99 latency | rps ÷ nginx | p99 ÷ nginx |"
echo "|---|---|---|---|---|"
for r in "${results[@]}"; do
  read -r label rps p99 <<<"$r"
  ms=$(to_ms "$p99")
  awk -v l="$label" -v r="$rps" -v p="$ms" -v nr="$nginx_rps" -v np="$nginx_p99" \
    'BEGIN{ printf "| %s | %.0f | %.2f ms | %.2f | %.1f |\n", l, r, p, r/nr, p/np }'
done
