#!/usr/bin/env bash
# The DfE's public 903 validator (csc-validator-be-903, the code councils run before they
# submit) over the demo's export for the current and the previous collection year.
# Every rule that fires must be listed, with its reason, in dfe_validator_allowlist.txt;
# a rule that fires and is not listed fails the check.
#
#   bash packaging/ci/dfe_validator.sh [APP_PYTHON]
#
# The validator pins old pandas/numpy, so it gets its own virtual environment (kept between
# runs in ~/.cache; pip's cache makes a rebuild quick).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
app_python="${1:-$root/.venv/bin/python}"
validator_version="0.1.17"
venv="${DFE_VALIDATOR_VENV:-$HOME/.cache/iro-desktop/dfe-validator-$validator_version}"
started=$(date +%s)

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import lac_validator" 2>/dev/null; then
  echo "==> DfE validator: making its own environment ($venv)"
  rm -rf "$venv"
  "$app_python" -m venv "$venv"  # the interpreter the app runs on (pandas 1.5 has wheels for it)
  "$venv/bin/python" -m pip install -q --disable-pip-version-check \
    "csc-validator-be-903==$validator_version"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
today="$(date +%F)"
month=$((10#$(date +%m)))
year=$(date +%Y)
current=$(( month >= 4 ? year + 1 : year ))
previous=$(( current - 1 ))

export PYTHONPATH="$root${PYTHONPATH:+:$PYTHONPATH}"
"$app_python" -m iro_desktop demo --db "$work/demo.db" --on "$today" > /dev/null
for y in "$previous" "$current"; do
  "$app_python" -m iro_desktop export-903 --db "$work/demo.db" --on "$today" --year "$y" \
    --out "$work/$y" --json > "$work/export-$y.json" || {  # no --anyway: the app's own checks pass
    echo "==> IRO Desktop refuses the demo's $y export:"; cat "$work/export-$y.json"; exit 1; }
done

status=0
allow="$here/dfe_validator_allowlist.txt"
check() {  # year, folder, [previous folder]
  local y="$1" fired
  fired="$("$venv/bin/python" "$here/run_dfe_validator.py" "$2" "$y" ${3:+"$3"} | grep -P '\t' || true)"
  echo "==> DfE validator, collection year ending 31 March $y:"
  while IFS=$'\t' read -r code rows message; do
    [ -n "$code" ] || continue
    if grep -qE "^$code[[:space:]]" "$allow"; then
      echo "    $code ($rows rows) allowed: $(grep -E "^$code[[:space:]]" "$allow" | head -1 | sed -E 's/^[^[:space:]]+[[:space:]]+//')"
    else
      echo "    $code ($rows rows) NOT ALLOWED: $message"
      status=1
    fi
  done <<< "$fired"
}
check "$previous" "$work/$previous"
check "$current" "$work/$current" "$work/$previous"
echo "==> DfE validator check took $(( $(date +%s) - started )) s"
exit $status
