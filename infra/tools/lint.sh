#!/usr/bin/env bash
# Lints the container and CI files that have no compiler of their own.
# Run by `./mvnw -f infra/pom.xml verify` (exec-maven-plugin); any finding fails the build.
set -euo pipefail

tools_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${tools_dir}/../.." && pwd)"
bin="${tools_dir}/node_modules/.bin"

# npm ci only when the lockfile changed: keeps repeated local verifies fast and offline.
stamp="${tools_dir}/node_modules/.package-lock.json"
if [[ ! -x "${bin}/dclint" || ! -f "${stamp}" || "${tools_dir}/package-lock.json" -nt "${stamp}" ]]; then
  (cd "${tools_dir}" && npm ci --no-audit --no-fund --loglevel=error)
fi

failures=0
run() {
  echo "lint: $*"
  if ! "$@"; then
    echo "lint: FAILED: $*" >&2
    failures=$((failures + 1))
  fi
}

# A tag or branch can be moved to other code; a full commit SHA fixes what runs with the release's AWS roles.
# Dependabot (github-actions) updates the SHA and the version comment together.
check_actions_pinned() {
  local uses='^[[:space:]]*(-[[:space:]]+)?uses:'
  local pinned='uses:[[:space:]]*(\./[^[:space:]]+|[^@[:space:]]+@[0-9a-f]{40}[[:space:]]+#[[:space:]]*v[0-9][0-9.]*)[[:space:]]*$'
  local unpinned
  unpinned="$(grep -HnE "${uses}" "$@" | grep -vE "${pinned}" || true)"
  if [[ -n "${unpinned}" ]]; then
    echo "${unpinned}" >&2
    echo "lint: pin every action as uses: <owner>/<repo>@<40-hex commit SHA> # v<version>" >&2
    return 1
  fi
}

cd "${repo_root}"
run "${bin}/dockerfile-utils" lint Dockerfile
run "${bin}/dclint" --max-warnings 0 docker-compose.yml
shopt -s nullglob
for f in .github/workflows/*.yml .github/workflows/*.yaml; do
  run "${bin}/action-validator" "${f}"
  run check_actions_pinned "${f}"
done
# action-validator has no dependabot schema; see validate-dependabot.mjs.
run node "${tools_dir}/validate-dependabot.mjs" .github/dependabot.yml
for f in infra/scripts/*.sh infra/tools/*.sh; do
  run bash -n "${f}"
done

if ((failures > 0)); then
  echo "lint: ${failures} check(s) failed" >&2
  exit 1
fi
echo "lint: all checks passed"
