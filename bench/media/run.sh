#!/usr/bin/env bash
# Times our media pipeline against vipsthumbnail on a generated 24-megapixel JPEG: same widths
# (320, 640, 1024, 1600, 2048), WebP and JPEG, metadata stripped. Peak memory is each process's
# maximum resident set (wait4 rusage). Results go to stdout; bench/README.md records a run.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v vipsthumbnail >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libvips-tools >/dev/null; } ||
    echo "run.sh: could not install libvips-tools; reporting our figures alone." >&2
fi

out=$(dotnet build -c Release -v quiet -nologo . 2>&1) || { echo "$out" >&2; exit 1; }
bench="dotnet bin/Release/net10.0/NewsroomEditor.MediaBench.dll"
$bench generate "$work/photo.jpg"

# measure LABEL COMMAND...: wall time and peak RSS of one process tree leader.
measure() {
  python3 - "$@" <<'PY'
import os, sys, time, subprocess
label, cmd = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
_, status, usage = os.wait4(p.pid, 0)
wall = (time.perf_counter() - start) * 1000
out = p.stdout.read().decode().strip()
print(f"{label}: wall {wall:.0f} ms, peak RSS {usage.ru_maxrss / 1024:.0f} MB, cpu {(usage.ru_utime + usage.ru_stime) * 1000:.0f} ms" + (f"  [{out}]" if out else ""))
PY
}

measure "dotnet+libvips start (noop)" $bench noop
measure "ours, 1 image (process)" $bench ours "$work/photo.jpg" 1
measure "ours from a byte array, as before (process)" $bench ours-buffer "$work/photo.jpg"
measure "ours, 5 images in one process" $bench ours "$work/photo.jpg" 5

if command -v vipsthumbnail >/dev/null 2>&1; then
  strip="strip"; vipsthumbnail --vips-version | grep -qE '8\.(1[5-9]|[2-9][0-9])' && strip="keep=none"
  cat > "$work/vt.sh" <<SH
#!/bin/sh
set -e
for w in 320 640 1024 1600 2048; do
  vipsthumbnail "$work/photo.jpg" -s \${w}x100000 -o "$work/vt-\$w.jpg[Q=82,optimize_coding,interlace,$strip]"
  vipsthumbnail "$work/photo.jpg" -s \${w}x100000 -o "$work/vt-\$w.webp[Q=80,effort=4,$strip]"
done
SH
  chmod +x "$work/vt.sh"
  measure "vipsthumbnail x10 ($(vipsthumbnail --vips-version))" "$work/vt.sh"
  # Peak of a single vipsthumbnail call (the largest width), for the memory comparison.
  measure "vipsthumbnail 2048 jpg only" vipsthumbnail "$work/photo.jpg" -s 2048x100000 -o "$work/one.jpg[Q=82,$strip]"
fi
