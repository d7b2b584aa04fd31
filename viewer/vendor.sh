#!/usr/bin/env bash
# Refreshes viewer/vendor/ from the exact versions pinned in package.json and package-lock.json.
# Run it after changing a pinned version, then commit vendor/ (node_modules/ stays ignored).
# The Java build only copies vendor/: building the jar never needs npm.
set -euo pipefail
cd "$(dirname "$0")"

npm ci --no-audit --no-fund

dist=node_modules/maplibre-gl/dist
version=$(node -p "require('./node_modules/maplibre-gl/package.json').version")
pinned=$(node -p "require('./package.json').dependencies['maplibre-gl']")
if [[ "$version" != "$pinned" ]]; then
  echo "maplibre-gl $version installed but $pinned pinned in package.json" >&2
  exit 1
fi

rm -rf vendor
mkdir -p vendor
cp "$dist/maplibre-gl.js" "$dist/maplibre-gl.css" vendor/
cp node_modules/maplibre-gl/LICENSE.txt vendor/LICENSE-maplibre-gl.txt
{
  echo "maplibre-gl $version (from the npm package's dist/, unchanged)"
  node -e '
    const {createHash} = require("crypto");
    const {readFileSync} = require("fs");
    for (const f of process.argv.slice(1)) {
      console.log(createHash("sha256").update(readFileSync("vendor/" + f)).digest("hex") + "  " + f);
    }' maplibre-gl.js maplibre-gl.css LICENSE-maplibre-gl.txt
} > vendor/VERSIONS.txt

echo "vendored maplibre-gl $version:"
ls -l vendor/
