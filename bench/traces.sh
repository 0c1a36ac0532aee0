#!/usr/bin/env bash
# Trace writer throughput: rows per second that TraceStore.insertBatch (the trace writer's one
# call) stores into PostgreSQL on 127.0.0.1:5432, in a fresh database migrated like the gateway's.
#   bench/traces.sh [rows] [no-bodies] [replayed]     default 200000 rows with bodies, fresh; prints rows/s
set -euo pipefail
cd "$(dirname "$0")/.."
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' renlayer)
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
ROWS=${1:-200000}
DB=renlayer_bench_traces
[[ "${SKIP_BUILD:-}" == 1 ]] || ./mvnw -B -q install -DskipTests -pl runtime-core -am
./mvnw -B -q -pl runtime-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/runtime-core/target/bench-classpath.txt"
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
psql -q -h 127.0.0.1 -U postgres -d "$DB" -c "CREATE SCHEMA renlayer"
for f in $(ls admin-ejb/src/main/resources/db/migration/V*.sql | sort -t V -k2 -n); do
  PGOPTIONS='-c search_path=renlayer' psql -q -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -f "$f" >/dev/null
done
"$JAVA_HOME/bin/java" -cp "runtime-core/target/classes:$(cat runtime-core/target/bench-classpath.txt)" bench/traces/TraceWriterBench.java \
  "jdbc:postgresql://127.0.0.1:5432/$DB?currentSchema=renlayer" "$ROWS" "${@:2}"
