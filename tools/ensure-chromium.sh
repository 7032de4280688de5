#!/usr/bin/env bash
# Makes sure Debian's headless-capable Chromium is at /usr/bin/chromium (or at $PINGPP_CHROMIUM),
# installing the `chromium` package with apt-get when it is missing.
# Called by the api-tooling build before its tests (the reference-docs browser check needs it); safe to
# run by hand. Exits non-zero with a message saying what to do when Chromium cannot be had: the browser
# test is never skipped, so a missing browser must stop the build here rather than later.
set -euo pipefail

log() { echo "[ensure-chromium] $*"; }
die() {
  echo "[ensure-chromium] ERROR: $*" >&2
  exit 1
}

chromium="${PINGPP_CHROMIUM:-/usr/bin/chromium}"

works() {
  [[ -x "$chromium" ]] && "$chromium" --version >/dev/null 2>&1
}

if works; then
  log "$("$chromium" --version 2>/dev/null) at $chromium"
  exit 0
fi

if [[ -n "${PINGPP_CHROMIUM:-}" ]]; then
  die "PINGPP_CHROMIUM=$chromium is not an executable Chromium. Point it at one, or unset it to install Debian's chromium."
fi

if ! command -v apt-get >/dev/null 2>&1; then
  die "$chromium is missing and this machine has no apt-get. Install Chromium so that $chromium runs (or set PINGPP_CHROMIUM to its path) and build again."
fi

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  die "$chromium is missing and installing Debian's chromium needs root: run 'sudo apt-get update && sudo apt-get install -y chromium' (or set PINGPP_CHROMIUM to a Chromium binary) and build again."
fi

# Wait for a concurrent apt/dpkg (another build, unattended-upgrades) instead of failing on its lock.
apt_options=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
export DEBIAN_FRONTEND=noninteractive

log "$chromium is missing: installing Debian's chromium package (apt-get, a few minutes on a new machine)"
"${as_root[@]}" apt-get "${apt_options[@]}" update -q \
  || die "apt-get update failed (see above); Chromium could not be installed"
"${as_root[@]}" apt-get "${apt_options[@]}" install -y -q chromium \
  || die "apt-get install chromium failed (see above)"

works || die "the chromium package is installed but $chromium --version does not run"
log "installed $("$chromium" --version 2>/dev/null)"
