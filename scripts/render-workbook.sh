#!/usr/bin/env bash
# Renders a workbook the way a reader sees it: LibreOffice (headless) prints it to PDF using each sheet's print
# setup, and pdftoppm turns the pages into PNG images to look at.
#
# Usage: scripts/render-workbook.sh BOOK.xlsx [OUTDIR]
#   OUTDIR defaults to ./render-<book name>; it receives BOOK.pdf and BOOK-NN.png (60 dpi, one per page).
# Needs: soffice (libreoffice-calc-nogui), pdftoppm (poppler-utils), Thai fonts (fonts-thai-tlwg: Laksaman is
# metric-compatible with TH Sarabun PSK and is what fontconfig substitutes for it) and Carlito
# (fonts-crosextra-carlito, Calibri's metrics: column widths are in Calibri digits, and without it LibreOffice
# draws columns about 20% wider than Excel). `scripts/install-deps.sh --render` installs them.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 BOOK.xlsx [OUTDIR]" >&2
    exit 2
fi
book=$1
[[ -f $book ]] || { echo "no such workbook: $book" >&2; exit 2; }
name=$(basename "$book" .xlsx)
out=${2:-render-$name}
mkdir -p "$out"
for tool in soffice pdftoppm; do
    command -v "$tool" >/dev/null || { echo "$tool not found (scripts/install-deps.sh installs it)" >&2; exit 3; }
done

fc-list 2>/dev/null | grep -qi carlito \
    || echo "warning: Carlito not installed; columns will look wider than in Excel" >&2

# A private LibreOffice profile, so a desktop session (or a parallel run) cannot lock or change the conversion.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$book" >/dev/null
pdf="$out/$name.pdf"
[[ -f $pdf ]] || { echo "LibreOffice did not produce $pdf" >&2; exit 1; }
rm -f "$out/$name"-*.png
pdftoppm -png -r 60 "$pdf" "$out/$name"
pages=$(ls "$out/$name"-*.png | wc -l)
echo "$pdf: $pages page(s) → $out/$name-*.png"
