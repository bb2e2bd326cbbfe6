#!/usr/bin/env bash
# Fetch gptel and the Emacs packages it needs (plus package-lint, for our lint step) from
# Debian unstable, and unpack them under .cache/elpa, without installing anything
# system-wide.
#
# gptel is not in Debian 12 or 13, but unstable ships elpa-gptel.  We point a private apt
# configuration (its own sources list, lists and cache under .cache/apt) at the unstable
# suite of the mirror this machine already uses, `apt-get download` the .debs, and unpack
# them with `dpkg-deb -x`.
#
# Prints the directory that holds the unpacked packages (one subdirectory each).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/.cache"
apt_dir="$cache/apt"
elpa_dir="$cache/elpa"
packages=(elpa-gptel elpa-compat elpa-transient elpa-cond-let elpa-llama elpa-package-lint
          elpa-let-alist)

log() { printf 'fetch-gptel: %s\n' "$*" >&2; }

# shellcheck source=scripts/private-apt.sh
. "$root/scripts/private-apt.sh"

unpacked_complete() {
    local src="$elpa_dir/root/usr/share/emacs/site-lisp/elpa-src"
    ls -d "$src"/gptel-*/ "$src"/compat-*/ "$src"/transient-*/ "$src"/package-lint-*/ \
        >/dev/null 2>&1
}

if unpacked_complete && [ "${1:-}" != "--force" ]; then
    echo "$elpa_dir/root/usr/share/emacs/site-lisp/elpa-src"
    exit 0
fi

mkdir -p "$elpa_dir"
private_apt "$apt_dir" sid

log "reading the unstable suite's package lists"
apt-get "${apt_opts[@]}" update >&2
log "downloading ${packages[*]}"
(cd "$apt_dir/debs" && rm -f ./*.deb && apt-get "${apt_opts[@]}" download "${packages[@]}" >&2)

rm -rf "$elpa_dir/root"
for deb in "$apt_dir"/debs/*.deb; do
    dpkg-deb -x "$deb" "$elpa_dir/root"
    log "unpacked $(basename "$deb")"
done
unpacked_complete || { log "unpacking did not produce gptel, compat, transient and package-lint"; exit 1; }
echo "$elpa_dir/root/usr/share/emacs/site-lisp/elpa-src"
