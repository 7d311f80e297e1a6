#!/bin/sh
# setup.sh: installs the Debian packages kronika needs when they are missing
# (as root, or through sudo). With --dev, also the tools the tests use.
set -e
PKGS="make gcc libc6-dev pkg-config libsqlite3-dev libicu-dev libstemmer-dev libxml2-dev libxxhash-dev"
DEV="clang libclang-rt-14-dev valgrind"
[ "${1:-}" = "--dev" ] && PKGS="$PKGS $DEV"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
