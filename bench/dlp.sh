#!/usr/bin/env bash
# JMH throughput of the built-in DLP detectors (PII + secrets together) on chat bodies of 4 KiB and
# 64 KiB, with and without findings, one thread. Builds the project first, then:
#   bench/dlp.sh                 full run (~2 min), prints a Markdown table of MB/s
#   bench/dlp.sh -wi 1 -i 2      any JMH options pass through
set -euo pipefail
cd "$(dirname "$0")/.."
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' renlayer)
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
./mvnw -B -q install -DskipTests -pl plugins/dlp-builtin -am
./mvnw -B -q -f bench/dlp/pom.xml package
"$JAVA_HOME/bin/java" -jar bench/dlp/target/benchmarks.jar -rf json -rff bench/dlp/target/results.json "$@" >&2
python3 - bench/dlp/target/results.json <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
print("| body | findings | µs per body | MB/s (one core) |")
print("|---|---|---|---|")
for r in rows:
    p = r["params"]; us = r["primaryMetric"]["score"]
    mbps = int(p["bytes"]) / (us / 1e6) / 1e6
    print(f"| {int(p['bytes'])//1024} KiB | {'yes' if p['findings']=='true' else 'no'} | {us:,.1f} | {mbps:,.0f} |")
PY
