#!/usr/bin/env bash
# Run by the root build before any module's tests: finds what the test run needs from the machine, installs it where
# this user can (root with apt-get, as on CI), and otherwise stops at once with one sentence naming what is missing.
#   --skip-tests=true        no test runs (-Dmaven.test.skip): nothing is needed
#   --skip-its=true          the reliability suite does not run (no PostgreSQL server binaries needed)
#   --tests=NAMES            -Dtest named the tests to run: they say themselves what they miss, so only Node.js is checked
#   --excluded-groups=LIST   JUnit tags left out (with "browser": no Chromium needed)
set -euo pipefail

skip_tests=false skip_its=false excluded="" tests=""
for arg in "$@"; do
  case "${arg}" in
    --skip-tests=*) skip_tests="${arg#*=}" ;;
    --skip-its=*) skip_its="${arg#*=}" ;;
    --tests=*) tests="${arg#*=}" ;;
    --excluded-groups=*) excluded="${arg#*=}" ;;
  esac
done
[[ "${skip_tests}" == true ]] && exit 0
# Maven leaves an unset property's expression as it is.
[[ "${tests}" == '${test}' ]] && tests=""
if [[ -n "${tests}" ]]; then
  excluded="browser" skip_its=true
fi

missing=() packages=() unpackaged=0

node_major="$(node --version 2>/dev/null | sed -n 's/^v\([0-9]*\).*/\1/p')"
if [[ -z "${node_major}" || "${node_major}" -lt 20 ]] || ! command -v npm >/dev/null 2>&1; then
  missing+=("Node.js 20 or newer with npm (the OpenAPI linter, the CDK's jsii runtime and the file linters run on it)")
  unpackaged=1
fi

browser="${OPS_CHROME_BINARY:-/usr/bin/chromium}" driver="${OPS_CHROMEDRIVER:-/usr/bin/chromedriver}"
if [[ ",${excluded}," != *",browser,"* ]] && [[ ! -x "${browser}" || ! -x "${driver}" ]]; then
  missing+=("Chromium and its ChromeDriver for the ops console's browser test (Debian: chromium chromium-driver; or set OPS_CHROME_BINARY and OPS_CHROMEDRIVER)")
  packages+=(chromium chromium-driver)
fi

pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [[ "${skip_its}" != true ]] && [[ -z "${pg_bin}" || ! -x "${pg_bin}/pg_basebackup" ]]; then
  missing+=("PostgreSQL's server binaries for the reliability suite's primary and standby (Debian: postgresql; or set PG_BIN)")
  packages+=(postgresql)
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

# Only what a package can bring is installed, and only where this user may: CI and fresh machines run as root.
if [[ -z "${ORDERBRIDGE_PREREQUISITES_INSTALLED:-}" && ${unpackaged} -eq 0 && "$(id -u)" -eq 0 ]] \
  && command -v apt-get >/dev/null; then
  echo "Installing ${packages[*]} for the tests (apt-get)"
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; then
    ORDERBRIDGE_PREREQUISITES_INSTALLED=1 exec "$0" "$@"
  fi
fi

joined="$(printf '%s; ' "${missing[@]}")"
echo "The tests need what this machine lacks: ${joined%; }. Install it, or run ./mvnw -B verify -Pfast for the unit and slice tests alone." >&2
exit 1
