#!/usr/bin/env bash
# Runs, outside Docker, the commands the Dockerfile runs on the service jar:
#   1. layered extraction (java -Djarmode=tools ... extract --layers), assembled in the image's layer order;
#   2. the AOT training run (src/main/docker/aot-train.sh, the same script the image uses) with the image's JAVA_TOOL_OPTIONS;
#   3. a start from the extracted layout with -XX:AOTMode=on, which fails if the cache is unusable.
# The service team wires this into the main test run once target/orderbridge-*.jar exists:
#   ./mvnw -B -DskipTests package && infra/scripts/layered-start-test.sh
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${1:-$(ls "${repo_root}"/target/orderbridge-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)}"
if [[ -z "${jar}" || ! -f "${jar}" ]]; then
  echo "layered-start-test: no service jar; build it first with ./mvnw -B -DskipTests package" >&2
  exit 2
fi
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if (( java_major < 25 )); then
  echo "layered-start-test: needs JDK 25 (AOT cache), found ${java_major}" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
cp "${jar}" "${work}/app.jar"
(cd "${work}" && java -Djarmode=tools -jar app.jar extract --layers --destination extracted)
mkdir "${work}/app"
for layer in dependencies spring-boot-loader snapshot-dependencies application; do
  cp -R "${work}/extracted/${layer}/." "${work}/app/"
done
test -f "${work}/app/app.jar" && test -d "${work}/app/lib"

# Same JVM flags as the image, read from the Dockerfile so the two cannot drift.
JAVA_TOOL_OPTIONS="$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' "${repo_root}/Dockerfile")"
[[ -n "${JAVA_TOOL_OPTIONS}" ]] || { echo "layered-start-test: JAVA_TOOL_OPTIONS not found in Dockerfile" >&2; exit 1; }
export JAVA_TOOL_OPTIONS

sh "${repo_root}/src/main/docker/aot-train.sh" "${work}/app"

# The ENTRYPOINT's command, with the cache mandatory and the context again stopped at refresh (no DB here).
sed -e 's/-XX:AOTCacheOutput=app.aot/-XX:AOTCache=app.aot -XX:AOTMode=on/' \
  "${repo_root}/src/main/docker/aot-train.sh" > "${work}/aot-start.sh"
sed -i -e '/^test -s app.aot/d' -e 's/^echo "AOT cache written.*/echo "started from the extracted layout with the AOT cache"/' "${work}/aot-start.sh"
sh "${work}/aot-start.sh" "${work}/app"
echo "layered-start-test: OK"
