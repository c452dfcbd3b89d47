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

cd "${repo_root}"
run "${bin}/dockerfile-utils" lint Dockerfile
run "${bin}/dclint" --max-warnings 0 docker-compose.yml
shopt -s nullglob
for f in .github/workflows/*.yml .github/workflows/*.yaml; do
  run "${bin}/action-validator" "${f}"
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
