# Sourced by scripts/fetch-gptel.sh and scripts/with-emacs: a private apt configuration (its
# own sources list, lists and cache under a directory of ours) pointed at one suite of the
# Debian mirror this machine already uses, so that `apt-get download` can fetch .debs
# without touching the system's apt state.  The caller defines `log`.

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

# private_apt DIR SUITE: write DIR's sources list for SUITE (main) of the machine's mirror
# and set the array `apt_opts` to the options that make apt-get and apt-cache use DIR only.
private_apt() {
    local apt_dir=$1 suite=$2 uri keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || {
        log "needs apt-get and dpkg-deb (a Debian-based system)"; return 1; }
    uri=$(mirror_uri | head -n 1)
    [ -n "$uri" ] || { log "found no Debian mirror in /etc/apt/sources.list{,.d}"; return 1; }
    [ -r "$keyring" ] || { log "missing $keyring (package debian-archive-keyring)"; return 1; }
    mkdir -p "$apt_dir/etc/preferences.d" "$apt_dir/lists/partial" \
             "$apt_dir/cache/archives/partial" "$apt_dir/debs"
    echo "deb [signed-by=$keyring] $uri $suite main" > "$apt_dir/etc/sources.list"
    apt_opts=(
        -o "Dir::Etc::SourceList=$apt_dir/etc/sources.list"
        -o "Dir::Etc::SourceParts=/dev/null"
        -o "Dir::Etc::Preferences=/dev/null"
        -o "Dir::Etc::PreferencesParts=$apt_dir/etc/preferences.d"
        -o "Dir::State::Lists=$apt_dir/lists"
        -o "Dir::Cache=$apt_dir/cache"
        # As if nothing were installed: candidates come from SUITE alone, never from a
        # version this machine has (which SUITE may not serve).
        -o "Dir::State::status=/dev/null"
        -o "APT::Sandbox::User=$(id -un)"
        # Mirrors here may serve a frozen snapshot whose Release file is past its Valid-Until;
        # signatures are still checked.
        -o "Acquire::Check-Valid-Until=false"
        -o "Debug::NoLocking=1"
        -q
    )
}
