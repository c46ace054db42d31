#!/usr/bin/env bash
# Copies the oracle's scenarios, goldens and application tree into the test
# resources, so that the build never reads ../shared. Run it after a newer
# oracle run:  scripts/refresh-oracle-data.sh [path/to/oracle]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
oracle=${1:-$here/../shared/oracle}
dest=$here/wsgi-spring-boot-starter/src/test/resources/oracle
[ -d "$oracle/golden" ] || { echo "no oracle at $oracle (expected golden/, scenarios/, apps/)" >&2; exit 2; }
if command -v python3 >/dev/null && [ -w "$oracle/apps" ]; then
  python3 "$oracle/apps/build-tree.py" >/dev/null
fi
rm -rf "$dest"
mkdir -p "$dest"
cp -r "$oracle/golden" "$oracle/scenarios" "$oracle/apps" "$dest/"
cp "$oracle/README.md" "$dest/ORACLE-README.md"
cp "$oracle/FINDINGS.md" "$dest/FINDINGS.md"
chmod -R u+w "$dest"
echo "copied $(ls "$dest/golden" | grep -c json) goldens into ${dest#$here/}"
