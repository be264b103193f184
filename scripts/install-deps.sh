#!/usr/bin/env bash
# Installs what building and testing need on a fresh Debian machine, and nothing when it is already there:
# libxlsxwriter-dev (the C library the workbook is written with), Python's openpyxl (the independent reader the
# tests check every workbook with) and openxml-audit (the schema check every workbook must pass). Pass --render
# to also get LibreOffice, poppler and Thai fonts for scripts/render-workbook.sh, or --bench for pandas and
# XlsxWriter (the benchmark's baseline).
set -euo pipefail

want_render=0 want_bench=0
for arg in "$@"; do
  case "$arg" in
    --render) want_render=1 ;;
    --bench) want_bench=1 ;;
    *) echo "install-deps: unknown option $arg" >&2; exit 64 ;;
  esac
done

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
pkg-config --exists xlsxwriter 2>/dev/null || apt_packages+=(libxlsxwriter-dev pkg-config)
command -v python3 >/dev/null || apt_packages+=(python3 python3-pip)
if [ "$want_render" = 1 ]; then
  command -v soffice >/dev/null || apt_packages+=(libreoffice-calc-nogui)
  command -v pdftoppm >/dev/null || apt_packages+=(poppler-utils)
  fc-list 2>/dev/null | grep -qi laksaman || apt_packages+=(fonts-thai-tlwg)
  # Carlito has Calibri's metrics: Excel's column-width unit is Calibri's digit, and without it LibreOffice falls
  # back to DejaVu Sans and draws every column about 20% wider than Excel does.
  fc-list 2>/dev/null | grep -qi carlito || apt_packages+=(fonts-crosextra-carlito)
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${apt_packages[*]}" >&2
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

pip_packages=()
python3 -c 'import openpyxl' 2>/dev/null || pip_packages+=(openpyxl)
# openxml-audit checks every workbook the tests write against the Open XML SDK's schemas: our stand-in for "Excel
# opens it without offering a repair".
command -v openxml-audit >/dev/null || pip_packages+=(openxml-audit)
if [ "$want_bench" = 1 ]; then
  python3 -c 'import pandas' 2>/dev/null || pip_packages+=(pandas)
  python3 -c 'import xlsxwriter' 2>/dev/null || pip_packages+=(XlsxWriter)
fi
if [ ${#pip_packages[@]} -gt 0 ]; then
  echo "install-deps: pip install ${pip_packages[*]}" >&2
  python3 -m pip install -q --disable-pip-version-check "${pip_packages[@]}" 2>&1 | grep -v 'Running pip as the' >&2 || true
fi
