#!/usr/bin/env bash
# Lints an OpenAPI document with Spectral's spectral:oas ruleset (.spectral.yaml at the repository root) and fails on
# any error or warning. Spectral's version is pinned by package-lock.json; it is installed beside this script on the
# first run (node_modules/, ignored by git, kept by mvn clean) and later runs need no network.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "${here}/../../.." && pwd)"
document="${1:?usage: lint.sh path/to/openapi.json}"
spectral="${here}/node_modules/.bin/spectral"

if ! command -v npm >/dev/null 2>&1; then
  echo "Linting ${document} needs Node.js and npm (the README's test command lists them)" >&2
  exit 1
fi
if [[ ! -x "${spectral}" || "${here}/package-lock.json" -nt "${here}/node_modules/.package-lock.json" ]]; then
  (cd "${here}" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
fi
cd "${root}"
"${spectral}" lint --ruleset .spectral.yaml --fail-severity warn "${document}"
