#!/usr/bin/env bash
# Renders the application icon from its SVG sources (assets/icon/*.svg) to the PNGs and
# the Windows .ico the builds use, all committed: run this only after changing an SVG.
#   assets/icon.png            512 px, embedded in the binary and given to `fyne package`
#   assets/icon/icon-N.png     N = 256 128 64 48 32 16 (32 and 16 from icon-small.svg,
#                              drawn with fewer lines so that they stay sharp)
#   assets/icon/bulkops.ico    16…256 px, the Windows executable's icon
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh icons
dir=assets/icon
rsvg-convert -w 512 -h 512 "$dir/icon.svg" -o assets/icon.png
for n in 256 128 64 48 32 16; do
  src=$dir/icon.svg
  [ "$n" -le 32 ] && src=$dir/icon-small.svg
  rsvg-convert -w "$n" -h "$n" "$src" -o "$dir/icon-$n.png"
done
convert "$dir"/icon-{16,32,48,64,128,256}.png "$dir/bulkops.ico"
ls -l assets/icon.png "$dir"
