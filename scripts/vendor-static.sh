#!/usr/bin/env bash
# Refresh the vendored front-end files from the npm registry (versions pinned here).
# Run by a developer when upgrading; the result is committed, so installs never need npm.
set -euo pipefail
BOOTSTRAP=5.3.9
HTMX=2.0.11
FONTSOURCE=5.3.0
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/src/mizan/static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "bootstrap@$BOOTSTRAP" "htmx.org@$HTMX" \
  "@fontsource/noto-sans-arabic@$FONTSOURCE" "@fontsource/noto-sans@$FONTSOURCE" >/dev/null
for f in *.tgz; do mkdir -p "x/${f%.tgz}"; tar xzf "$f" -C "x/${f%.tgz}"; done
rm -rf "$out"; mkdir -p "$out/bootstrap" "$out/htmx" "$out/fonts"
b="x/bootstrap-$BOOTSTRAP/package/dist"
cp "$b/css/bootstrap.min.css" "$b/css/bootstrap.rtl.min.css" "$b/js/bootstrap.bundle.min.js" "$out/bootstrap/"
cp "x/htmx.org-$HTMX/package/dist/htmx.min.js" "$out/htmx/"
# Source maps are not shipped, so drop the comments that point at them (the manifest storage
# of collectstatic would otherwise refuse the missing files).
sed -i '/sourceMappingURL=/d' "$out"/bootstrap/* "$out"/htmx/*
for w in 400 700; do
  cp "x/fontsource-noto-sans-arabic-$FONTSOURCE/package/files/noto-sans-arabic-arabic-$w-normal.woff2" "$out/fonts/"
  cp "x/fontsource-noto-sans-$FONTSOURCE/package/files/noto-sans-latin-$w-normal.woff2" "$out/fonts/"
done
cp "x/fontsource-noto-sans-arabic-$FONTSOURCE/package/LICENSE" "$out/fonts/LICENSE-OFL.txt"
cat > "$out/VENDOR.md" <<TXT
# Vendored front-end files (from the npm registry; refresh with scripts/vendor-static.sh)

| package | version | files | licence |
|---|---|---|---|
| bootstrap | $BOOTSTRAP | bootstrap.min.css, bootstrap.rtl.min.css, bootstrap.bundle.min.js | MIT |
| htmx.org | $HTMX | htmx.min.js | 0BSD |
| @fontsource/noto-sans-arabic | $FONTSOURCE | Arabic subset, weights 400 and 700 (woff2) | OFL-1.1 |
| @fontsource/noto-sans | $FONTSOURCE | Latin subset, weights 400 and 700 (woff2) | OFL-1.1 |
TXT
echo "vendored into $out"
