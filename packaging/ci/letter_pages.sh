#!/usr/bin/env bash
# The letters' page-count check needs LibreOffice Writer (headless), Carlito (metric-compatible
# with the templates' Calibri) and poppler's pdfinfo/pdftoppm. Install them on Debian when
# missing (apt as root); elsewhere say what is missing and carry on: the page-count test then
# skips, naming the reason.
set -u
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
fc-list 2>/dev/null | grep -qi carlito || need+=(fonts-crosextra-carlito)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -eq 0 ]; then
  echo "letter pages: LibreOffice, Carlito and poppler are installed"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "letter pages: cannot install ${need[*]} (needs Debian and root); the page test will skip"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# Another apt may hold the lock: wait for it rather than fail.
for attempt in 1 2 3 4 5 6 7 8 9 10 11 12; do
  if apt-get -o DPkg::Lock::Timeout=60 update -qq && \
     apt-get -o DPkg::Lock::Timeout=60 install -y -qq --no-install-recommends "${need[@]}" >/dev/null; then
    echo "letter pages: installed ${need[*]}"
    exit 0
  fi
  echo "letter pages: apt busy or failed (attempt $attempt); retrying" >&2
  sleep 10
done
echo "letter pages: could not install ${need[*]}; the page test will skip" >&2
exit 0
