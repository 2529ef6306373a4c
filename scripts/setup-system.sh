#!/usr/bin/env bash
# Install the Debian/Ubuntu packages Marsad needs, only those that are missing.
# Usage: scripts/setup-system.sh [--with-browser]
set -euo pipefail

# postgresql-client-15: pg_dump, pg_restore and psql, which make backup and make restore run (the server needs it too).
packages=(postgresql-15 postgresql-15-postgis-3 postgresql-client-15 libgdal32 libgeos-c1v5 libproj25 python3-venv make gettext)
if [[ "${1:-}" == "--with-browser" ]]; then
  packages+=(chromium fonts-noto-core)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# python3-venv is only needed when the interpreter cannot make a venv by itself.
if python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing=("${missing[@]/python3-venv}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Marsad needs these system packages and this machine has no apt-get: ${missing[*]}" >&2
  echo "Install PostgreSQL 15 with PostGIS 3 and GDAL/GEOS/PROJ by hand, or set DATABASE_URL to an existing PostGIS database." >&2
  exit 1
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Marsad needs these system packages: ${missing[*]}" >&2
    echo "You are not root and sudo is not installed: run as root 'apt-get install ${missing[*]}'." >&2
    exit 1
  fi
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Older/newer releases name the GDAL/PROJ libraries differently; pick what exists.
resolved=()
for p in "${missing[@]}"; do
  case "$p" in
    libgdal32) resolved+=("$(apt-cache pkgnames libgdal | grep -E '^libgdal[0-9]+$' | sort -V | tail -1)");;
    postgresql-15|postgresql-15-postgis-3|postgresql-client-15)
      # Debian 12 ships PostgreSQL 15; other releases ship another major version with PostGIS 3.
      if apt-cache show postgresql-15-postgis-3 >/dev/null 2>&1; then resolved+=("$p"); else
        major=$(apt-cache pkgnames postgresql- | sed -n 's/^postgresql-\([0-9]*\)-postgis-3$/\1/p' | sort -n | tail -1)
        resolved+=("${p/15/$major}")
      fi;;
    libproj25) resolved+=("$(apt-cache pkgnames libproj | grep -E '^libproj[0-9]+$' | sort -V | tail -1)");;
    *) resolved+=("$p");;
  esac
done
$SUDO apt-get install -y -qq --no-install-recommends "${resolved[@]}"
