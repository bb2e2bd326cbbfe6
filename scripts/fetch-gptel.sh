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

# The machine's own Debian mirror: the first URI of a stanza (deb822) or line (one-line
# format) that serves the main archive rather than the security archive.
mirror_uri() {
    local files=() f
    for f in /etc/apt/sources.list.d/*.sources; do [ -r "$f" ] && files+=("$f"); done
    if [ ${#files[@]} -gt 0 ]; then
        awk '
            BEGIN { RS = ""; FS = "\n" }
            {
                uri = ""; suites = ""
                for (i = 1; i <= NF; i++) {
                    if ($i ~ /^URIs:/)   { sub(/^URIs:[ \t]*/, "", $i); split($i, u, /[ \t]+/); uri = u[1] }
                    if ($i ~ /^Suites:/) { suites = $i }
                }
                if (uri != "" && suites !~ /-security/ && uri ~ /debian/) { print uri; exit }
            }' "${files[@]}" && return 0
    fi
    local lists=()
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do [ -r "$f" ] && lists+=("$f"); done
    [ ${#lists[@]} -gt 0 ] || return 0
    awk '$1 == "deb" {
            for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/ && $i ~ /:\/\//) { uri = $i; break }
            if (uri ~ /debian/ && $0 !~ /-security/) { print uri; exit }
        }' "${lists[@]}"
}

unpacked_complete() {
    local src="$elpa_dir/root/usr/share/emacs/site-lisp/elpa-src"
    ls -d "$src"/gptel-*/ "$src"/compat-*/ "$src"/transient-*/ "$src"/package-lint-*/ \
        >/dev/null 2>&1
}

if unpacked_complete && [ "${1:-}" != "--force" ]; then
    echo "$elpa_dir/root/usr/share/emacs/site-lisp/elpa-src"
    exit 0
fi

command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || {
    log "needs apt-get and dpkg-deb (a Debian-based system)"; exit 1; }

uri=$(mirror_uri | head -n 1)
[ -n "$uri" ] || { log "found no Debian mirror in /etc/apt/sources.list{,.d}"; exit 1; }
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -r "$keyring" ] || { log "missing $keyring (package debian-archive-keyring)"; exit 1; }

mkdir -p "$apt_dir/etc/preferences.d" "$apt_dir/lists/partial" \
         "$apt_dir/cache/archives/partial" "$apt_dir/debs" "$elpa_dir"
echo "deb [signed-by=$keyring] $uri sid main" > "$apt_dir/etc/sources.list"

apt_opts=(
    -o "Dir::Etc::SourceList=$apt_dir/etc/sources.list"
    -o "Dir::Etc::SourceParts=/dev/null"
    -o "Dir::Etc::Preferences=/dev/null"
    -o "Dir::Etc::PreferencesParts=$apt_dir/etc/preferences.d"
    -o "Dir::State::Lists=$apt_dir/lists"
    -o "Dir::Cache=$apt_dir/cache"
    -o "APT::Sandbox::User=$(id -un)"
    # Mirrors here may serve a frozen snapshot whose Release file is past its Valid-Until;
    # signatures are still checked.
    -o "Acquire::Check-Valid-Until=false"
    -o "Debug::NoLocking=1"
    -q
)

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
