#!/usr/bin/env bash
# Where the gateway's CPU goes under load: the bench setup of bench/proxy/run.sh (RenLayer on the
# machine's PostgreSQL and Redis, nginx as the upstream), warmed up, then profiled with
# async-profiler while an open-loop generator sends a fixed rate. async-profiler samples the
# kernel too and keeps the stacks of compiled loops, which JFR loses. It is a tool of this
# script, fetched from Maven Central into bench/proxy/target/profile, not a dependency of the gateway.
#
#   bench/profile.sh [1k|32k] [rate] [seconds]     default 32k 600 15; prints each part's share
#   EVENT=alloc bench/profile.sh 32k               where the bytes are allocated instead
#   WARMUP=240 ...                                 seconds of load before profiling (default 180)
#   SKIP_BUILD=1 ...                               reuse the build
# The collapsed stacks stay in bench/proxy/target/profile/profile.txt, for a flame graph or a closer look.
set -euo pipefail
cd "$(dirname "$0")/.."
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' renlayer)
JAVA_HOME="$(find_jdk)"; export JAVA_HOME
SIZE=${1:-32k} RATE=${2:-600} SECONDS_PROFILED=${3:-15}
WARMUP=${WARMUP:-180} EVENT=${EVENT:-cpu}
AP_VERSION=4.2
WORK=$PWD/bench/proxy/target/profile
mkdir -p "$WORK"

AGENT=$WORK/linux-x64/libasyncProfiler.so
if [[ ! -f "$AGENT" ]]; then
  ./mvnw -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$AP_VERSION:jar:linux-x64" -DoutputDirectory="$WORK"
  (cd "$WORK" && "$JAVA_HOME/bin/jar" xf "async-profiler-$AP_VERSION-linux-x64.jar" linux-x64/libasyncProfiler.so)
fi

SETUP_LOG=$WORK/setup.log
env SETUP_ONLY=1 SKIP_PORTKEY=1 SKIP_BUILD="${SKIP_BUILD:-}" bench/proxy/run.sh >"$SETUP_LOG" 2>&1 & SETUP=$!
stop_setup() { # the setup stops its servers on exit; its `sleep infinity` would outlive it
  local sleeper; sleeper=$(pgrep -P "$SETUP" -x sleep || true)
  kill "$SETUP" 2>/dev/null || true; wait "$SETUP" 2>/dev/null || true
  [[ -z "$sleeper" ]] || kill $sleeper 2>/dev/null || true
}
trap stop_setup EXIT
for _ in $(seq 1 600); do grep -q '^renlayer:' "$SETUP_LOG" && break; kill -0 $SETUP 2>/dev/null || break; sleep 1; done
grep -q '^renlayer:' "$SETUP_LOG" || { echo "the bench setup did not come up:" >&2; cat "$SETUP_LOG" >&2; exit 1; }
KEY=$(grep -o 'rk_live_[A-Za-z0-9_]*' "$SETUP_LOG" | head -1)
PID=$(pgrep -f 'renlayer-bench' | head -1)
URL=http://127.0.0.1:18080/v1/chat/completions
BODY=bench/proxy/target/chat-$SIZE.json

echo "warming up for ${WARMUP}s ..." >&2
BENCH_BODY=$BODY BENCH_HEADERS="Authorization: Bearer $KEY" wrk -t2 -c32 -d"${WARMUP}s" -s bench/proxy/post.lua "$URL" >/dev/null
sleep 5 # the trace writer catches up

OPTIONS="event=$EVENT"
[[ "$EVENT" == cpu ]] && OPTIONS="$OPTIONS,interval=1ms"
[[ "$EVENT" == alloc ]] && OPTIONS="$OPTIONS,alloc=64k"
"$JAVA_HOME/bin/java" -Xms1g -Xmx1g -Xmn768m -XX:+UseSerialGC bench/proxy/OpenLoop.java "$URL" "$RATE" $((SECONDS_PROFILED + 8)) "$BODY" \
  "Authorization: Bearer $KEY" >"$WORK/openloop.txt" & LOAD=$!
sleep 4
# The inner quotes keep the options whole: jcmd would pass them on cut at the commas otherwise.
"$JAVA_HOME/bin/jcmd" "$PID" JVMTI.agent_load "$AGENT" "\"start,$OPTIONS\"" >/dev/null
sleep "$SECONDS_PROFILED"
"$JAVA_HOME/bin/jcmd" "$PID" JVMTI.agent_load "$AGENT" "\"stop,file=$WORK/profile.txt,collapsed,total\"" >/dev/null
wait $LOAD
read -r P50 P99 _ FAILED <"$WORK/openloop.txt"
echo "$SIZE prompts at $RATE/s: p50 $P50 ms, p99 $P99 ms, $FAILED failed; $EVENT profile of ${SECONDS_PROFILED}s"
python3 - "$WORK/profile.txt" <<'PY'
import collections, sys
# Each sample goes to the innermost frame that names a part; the order settles stacks that pass
# through several (DLP called by the proxy counts as DLP).
PARTS = [("DLP", "renlayer/plugins/dlp"), ("trace writer", "renlayer/admin/traces"),
         ("Redis (limits)", "redis/clients"), ("PostgreSQL driver", "org/postgresql"),
         ("mpJwt TAI, MP Config", "security/mp/jwt"), ("mpJwt TAI, MP Config", "microprofile/config"),
         ("security", "com/ibm/ws/security"), ("garbage collection", "G1"), ("JIT", "Compile"),
         ("forwarding (HTTP client)", "renlayer/proxy/forward"), ("Parsson", "org/eclipse/parsson"),
         ("web container", "com/ibm/ws/webcontainer"), ("HTTP channel", "com/ibm/ws/http"),
         ("TCP channel", "com/ibm/ws/tcpchannel"), ("thread pool", "com/ibm/ws/threading"),
         ("Weld (CDI)", "org/jboss/weld"), ("gateway, other", "renlayer/")]
shares, total = collections.Counter(), 0
for line in open(sys.argv[1]):
    stack, _, n = line.rstrip().rpartition(" ")
    n = int(n); total += n
    part = next((name for frame in reversed(stack.split(";")) for name, p in PARTS if p in frame), "other")
    shares[part] += n
print("| part | share |\n|---|---|")
for part, n in shares.most_common():
    print(f"| {part} | {100 * n / total:.1f} % |")
PY
