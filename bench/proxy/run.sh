#!/usr/bin/env bash
# The proxy load benchmark: one upstream that answers at once (nginx, fixed chat completion), and
# four ways to reach it, measured side by side in one run on this machine, loopback only:
#
#   direct    the upstream itself
#   haproxy   a bare reverse proxy (the floor: what any proxy hop costs)
#   renlayer  the gateway: key auth, scope guard, Redis limits, a policy, the built-in DLP
#             detectors on the prompt and the response, traces written to PostgreSQL
#   portkey   the Portkey AI gateway (@portkey-ai/gateway from npm), the peer
#
# For each target and each prompt size (1 KiB, 32 KiB): peak throughput (wrk, 32 connections) and
# latency at fixed rates ($RATES requests/s, open loop: bench/proxy/OpenLoop.java). Then 1,000 concurrent streams held through the
# gateway, with its heap sampled. Prints Markdown tables (paste into docs/benchmarks.md).
#
#   bench/proxy/run.sh                      full run (~18 min)
#   DURATION=10 RATES=500 bench/proxy/run.sh shorter
#   WARMUP=180                              seconds of load per gateway (RenLayer, Portkey) before measuring
#   SKIP_BUILD=1 SKIP_PORTKEY=1 ...         reuse the build; leave the peer out
#
# Needs: nginx, haproxy, wrk (Debian packages of those names), node + npm (for the peer),
# PostgreSQL's server binaries (the bench starts a cluster of its own on :15432) and Redis on :6379
# (as .ci/run sets up). Nothing leaves loopback except the one-time npm download of the peer.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' renlayer)
JAVA_HOME="$(find_jdk)"; export JAVA_HOME

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-180}  # seconds of load per gateway before measuring: Liberty's JIT needs one to three minutes
RATES=${RATES:-200 1000}
STREAMS=${STREAMS:-1000}
WORK=$ROOT/bench/proxy/target
UPSTREAM_PORT=18081 HAPROXY_PORT=18082 RL_PROXY_PORT=18080 RL_CONTROL_PORT=18083 PORTKEY_PORT=18787 SIM_PORT=18090
PORTKEY_VERSION=1.15.2
TOKEN="rop_bench_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SERVER_DIR=$ROOT/gateway-ear/target/liberty/wlp
# The generator's own GC pauses would count as the target's latency (G1 paused it 12-30 ms once a
# run): a young generation larger than a run's garbage (~6 KB a call) means no collection at all.
GENERATOR_JVM="-Xms1g -Xmx1g -Xmn768m -XX:+UseSerialGC"

for tool in nginx haproxy wrk python3 curl psql redis-cli; do
  command -v "$tool" >/dev/null || PATH=$PATH:/usr/sbin
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y nginx-light haproxy wrk" >&2; exit 1; }
done
mkdir -p "$WORK"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  "$SERVER_DIR/bin/server" stop renlayer-bench >/dev/null 2>&1 || true
  [[ -z "${PGDATA:-}" ]] || as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

[[ "${SKIP_BUILD:-}" == 1 ]] || ./mvnw -B -q install -DskipTests

# --- request bodies: English prose without findings, so DLP scans everything and redacts nothing
python3 - "$WORK" <<'PY'
import json, sys
words = ("the service keeps its queue short and the workers drain it in order while the "
         "operators watch latency on the dashboard and plan the next release carefully ").split()
for name, size in (("1k", 1024), ("32k", 32 * 1024)):
    text, i = [], 0
    while len(" ".join(text)) < size - 120:
        text.append(words[i % len(words)]); i += 1
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": " ".join(text)}]}
    open(f"{sys.argv[1]}/chat-{name}.json", "w").write(json.dumps(body))
stream = {"model": "sim-stream", "stream": True, "messages": [{"role": "user", "content": "one two three four five six seven eight nine ten"}]}
open(f"{sys.argv[1]}/stream.json", "w").write(json.dumps(stream))
PY

# --- upstream (nginx) and the floor (haproxy)
render() { sed -e "s#@WORK@#$WORK#g" -e "s#@UPSTREAM_PORT@#$UPSTREAM_PORT#g" -e "s#@HAPROXY_PORT@#$HAPROXY_PORT#g" "$1"; }
mkdir -p "$WORK/nginx-body"
render bench/proxy/nginx.conf.in > "$WORK/nginx.conf"
render bench/proxy/haproxy.cfg.in > "$WORK/haproxy.cfg"
nginx -c "$WORK/nginx.conf" -p "$WORK" & PIDS+=($!)
haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 & PIDS+=($!)

# --- the upstream simulator, for streams that last (1,000 held at once)
"$JAVA_HOME/bin/java" -Xmx512m -jar "$(ls upstream-sim/target/renlayer-upstream-sim-*-app.jar | head -1)" "$SIM_PORT" \
  >"$WORK/sim.log" 2>&1 & PIDS+=($!)

# --- PostgreSQL for the traces: a cluster of the bench's own, run as docs/deployment.md advises,
# with glibc's malloc keeping freed memory. PostgreSQL mallocs and frees each large field of a row
# it stores, several copies of a 32 KiB body; by default glibc hands the freed top of the heap back
# to the kernel every time, and the next row faults it in again: ~9 page faults and 190 us of the
# server's CPU per 32 KiB trace, against 80 us with the settings below (docs/benchmarks-log.md).
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$PG_BIN/initdb" ]] || { echo "missing PostgreSQL's server binaries: apt-get install -y postgresql" >&2; exit 1; }
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; } # it refuses to run as root
PGDATA=$WORK/postgres PG_PORT=15432
rm -rf "$PGDATA"; mkdir -p "$PGDATA"; [[ $(id -u) != 0 ]] || chown postgres: "$PGDATA"
as_postgres "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust >/dev/null
MALLOC_TRIM_THRESHOLD_=16777216 MALLOC_TOP_PAD_=1048576 as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PG_PORT -k $PGDATA -c listen_addresses=127.0.0.1" start >/dev/null
psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -c "CREATE DATABASE renlayer_bench"

# --- RenLayer, on that PostgreSQL and the machine's Redis
redis-cli -h 127.0.0.1 -p 6379 --scan --pattern 'rl:{*' | xargs -r redis-cli -h 127.0.0.1 -p 6379 del >/dev/null
SERVERS=$SERVER_DIR/usr/servers
rm -rf "$SERVERS/renlayer-bench"
mkdir -p "$SERVERS/renlayer-bench"
(cd "$SERVERS/renlayer" && tar cf - --exclude=logs --exclude=workarea --exclude=embedded-postgres \
  --exclude=trace-spool --exclude=apps/expanded .) | (cd "$SERVERS/renlayer-bench" && tar xf -)
env RENLAYER_PROXY_PORT=$RL_PROXY_PORT RENLAYER_CONTROL_PORT=$RL_CONTROL_PORT \
  RENLAYER_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/renlayer_bench RENLAYER_DB_USER=postgres \
  RENLAYER_REDIS_URL=redis://127.0.0.1:6379 RENLAYER_BOOTSTRAP_OPERATOR_TOKEN="$TOKEN" \
  RENLAYER_MASTER_KEY="$(head -c 32 /dev/urandom | base64)" RENLAYER_OUTBOUND_ALLOWED_NETWORKS=127.0.0.1/32 \
  "$SERVER_DIR/bin/server" start renlayer-bench >/dev/null
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$RL_CONTROL_PORT/readyz" >/dev/null && break; sleep 0.5
done
curl -sf "http://127.0.0.1:$RL_CONTROL_PORT/readyz" >/dev/null || { echo "RenLayer did not get ready" >&2; exit 1; }

API=http://127.0.0.1:$RL_CONTROL_PORT/api/v1
api() { curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
TENANT=$(api -X POST "$API/tenants" -d '{"name":"bench"}' | field id)
AGENT=$(api -X POST "$API/tenants/$TENANT/agents" -d '{"name":"bench-agent"}' | field id)
api -X POST "$API/tenants/$TENANT/upstreams" -d "{\"name\":\"nginx\",\"provider\":\"openai\",\"baseUrl\":\"http://127.0.0.1:$UPSTREAM_PORT/v1\",\"credential\":\"sk-bench\",\"models\":[\"gpt-4o-mini\"]}" >/dev/null
api -X POST "$API/tenants/$TENANT/upstreams" -d "{\"name\":\"sim\",\"provider\":\"openai\",\"baseUrl\":\"http://127.0.0.1:$SIM_PORT/v1\",\"credential\":\"sk-bench\",\"models\":[\"sim-stream\"],\"readTimeoutMs\":60000}" >/dev/null
api -X POST "$API/tenants/$TENANT/policies" -d '{"name":"flag-secrets","priority":10,"conditions":{"findingTypes":["AWS_ACCESS_KEY_ID"]},"action":"FLAG"}' >/dev/null
KEY=$(api -X POST "$API/tenants/$TENANT/keys" -d "{\"agentId\":\"$AGENT\",\"name\":\"bench\",\"limits\":{\"requestsPerMinute\":100000000,\"tokensPerMinute\":100000000000}}" | field key)

# --- the peer
if [[ "${SKIP_PORTKEY:-}" != 1 ]]; then
  if [[ ! -f "$WORK/portkey/node_modules/@portkey-ai/gateway/build/start-server.js" ]]; then
    mkdir -p "$WORK/portkey"
    (cd "$WORK/portkey" && npm install --silent --no-audit --no-fund "@portkey-ai/gateway@$PORTKEY_VERSION" >/dev/null)
  fi
  (cd "$WORK/portkey" && exec node node_modules/@portkey-ai/gateway/build/start-server.js --port=$PORTKEY_PORT --headless \
    >"$WORK/portkey.log" 2>&1) & PIDS+=($!)
  for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$PORTKEY_PORT/" && break; sleep 0.5; done
fi

declare -A URL HEADERS
URL[direct]=http://127.0.0.1:$UPSTREAM_PORT/v1/chat/completions;  HEADERS[direct]="Authorization: Bearer sk-bench"
URL[haproxy]=http://127.0.0.1:$HAPROXY_PORT/v1/chat/completions;  HEADERS[haproxy]="Authorization: Bearer sk-bench"
URL[renlayer]=http://127.0.0.1:$RL_PROXY_PORT/v1/chat/completions; HEADERS[renlayer]="Authorization: Bearer $KEY"
URL[portkey]=http://127.0.0.1:$PORTKEY_PORT/v1/chat/completions
HEADERS[portkey]="Authorization: Bearer sk-bench|x-portkey-provider: openai|x-portkey-custom-host: http://127.0.0.1:$UPSTREAM_PORT/v1"
TARGETS=(direct haproxy renlayer)
[[ "${SKIP_PORTKEY:-}" == 1 ]] || TARGETS+=(portkey)

check() { # every target must answer the chat call, or its numbers mean nothing
  local t=$1 args=()
  IFS='|' read -ra hs <<<"${HEADERS[$t]}"; for h in "${hs[@]}"; do args+=(-H "$h"); done
  local body
  body=$(curl -s -w '\n%{http_code}' "${args[@]}" -H 'Content-Type: application/json' --data-binary "@$WORK/chat-1k.json" "${URL[$t]}")
  [[ "${body##*$'\n'}" == 200 && "$body" == *"Fixed answer"* ]] || { echo "$t does not answer: $body" >&2; exit 1; }
}
for t in "${TARGETS[@]}"; do check "$t"; done
if [[ "${SETUP_ONLY:-}" == 1 ]]; then # leave everything running, for a profiler or a closer look
  for t in "${TARGETS[@]}"; do echo "$t: ${URL[$t]}  headers: ${HEADERS[$t]}"; done
  echo "Ctrl-C stops everything." >&2
  sleep infinity
fi

metric() { curl -s "http://127.0.0.1:$RL_CONTROL_PORT/metrics" | awk -v m="$1" '$1 ~ "^"m"({|$)" {s+=$2} END {printf "%d", s}'; }
settle() { # every target shares the two cores: let the gateway's trace writer finish the last run's rows first
  for _ in $(seq 1 120); do [[ "$(metric renlayer_trace_queue_pending)" == 0 ]] && break; sleep 0.5; done
  sleep 2
}

peak() { # target body -> requests/s
  settle
  BENCH_BODY="$WORK/chat-$2.json" BENCH_HEADERS="${HEADERS[$1]}" \
    wrk -t2 -c32 -d"${DURATION}s" -s bench/proxy/post.lua "${URL[$1]}" >"$WORK/wrk-$1-$2.txt"
  grep -q "Non-2xx" "$WORK/wrk-$1-$2.txt" && { echo "$1 answered errors under load" >&2; cat "$WORK/wrk-$1-$2.txt" >&2; exit 1; }
  awk '/Requests\/sec/ {print int($2)}' "$WORK/wrk-$1-$2.txt"
}
fixed_rate() { # target body rate -> "p50 p99 failed": ms, and calls that failed (past capacity, they time out)
  settle
  local result p50 p99 sent failed
  result=$("$JAVA_HOME/bin/java" $GENERATOR_JVM bench/proxy/OpenLoop.java "${URL[$1]}" "$3" "$DURATION" "$WORK/chat-$2.json" \
    "${HEADERS[$1]}")
  read -r p50 p99 sent failed <<<"$result"
  [[ -n "$failed" ]] || { echo "$1 at $3/s: no result ('$result')" >&2; exit 1; }
  echo "$p50 $p99 $failed"
}

echo "warming up (JIT) the gateways, ${WARMUP}s each ..." >&2
for t in "${TARGETS[@]}"; do
  [[ "$t" == direct || "$t" == haproxy ]] && continue # native code: nothing to compile
  DURATION=$((WARMUP / 2)) peak "$t" 1k >/dev/null; DURATION=$((WARMUP / 2)) peak "$t" 32k >/dev/null
done

RESULTS=$WORK/results.txt; : >"$RESULTS"
for body in 1k 32k; do
  for t in "${TARGETS[@]}"; do
    echo "measuring $t, $body: peak ..." >&2
    line="$body $t $(peak "$t" "$body")"
    for rate in $RATES; do
      echo "measuring $t, $body: $rate/s ..." >&2
      line="$line $rate $(fixed_rate "$t" "$body" "$rate")"
    done
    echo "$line" >>"$RESULTS"
  done
done

# --- 1,000 streams at once through the gateway, each ~2.5 s long (one event per 200 ms)
settle
echo "holding $STREAMS concurrent streams for 30s ..." >&2
( while sleep 1; do metric memory_usedHeap_bytes; echo; done ) >"$WORK/heap.txt" & SAMPLER=$!
BENCH_BODY="$WORK/stream.json" BENCH_HEADERS="Authorization: Bearer $KEY|x-sim-chunk-delay-ms: 200" \
  wrk -t2 -c"$STREAMS" -d30s --timeout 30s -s bench/proxy/post.lua "${URL[renlayer]}" >"$WORK/wrk-streams.txt"
kill $SAMPLER
HEAP_MAX=$(sort -n "$WORK/heap.txt" | tail -1)
STREAMS_DONE=$(awk '/requests in/ {print $1}' "$WORK/wrk-streams.txt")
STREAM_ERRORS=$(grep -E "Socket errors|Non-2xx" "$WORK/wrk-streams.txt" | tr -s ' ' | tr '\n' ' ' || true)
HEAP_LIMIT=$(metric memory_maxHeap_bytes)
ROWS=$(metric renlayer_trace_rows_written)
DROPPED=$(metric renlayer_trace_rows_dropped)

echo
# DAMON, where a VM's kernel runs it, samples physical memory on a kernel thread every
# sample_us: on a 2-vCPU VM each pass took a core for 12-25 ms, every ~0.5 s, and set the p99 at
# 200/s (docs/benchmarks-log.md, "A fourteenth VM"). The run says whether it was on; it is not changed.
damon_state() {
  local d=/sys/kernel/mm/damon/admin/kdamonds
  [[ -r $d/nr_kdamonds && $(cat $d/nr_kdamonds) -gt 0 ]] || { echo "DAMON: none"; return; }
  local state; state=$(cat $d/0/state 2>/dev/null || echo unknown)
  echo "DAMON: kdamond $state, sampling every $(( $(cat $d/0/contexts/0/monitoring_attrs/intervals/sample_us 2>/dev/null || echo 0) / 1000 )) ms"
}
echo "Run $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) vCPUs, $(damon_state), Liberty on $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), Portkey $PORTKEY_VERSION on node $(node --version 2>/dev/null || echo -), wrk 2 threads x 32 connections for peak, open-loop arrivals at fixed rates, ${DURATION}s per measurement."
echo
python3 - "$RESULTS" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
rates = rows[0][3::4]
head = "| prompt | target | peak req/s |" + "".join(f" p50 / p99 ms at {r}/s | added p50 / p99 |" for r in rates)
print(head)
print("|" + "---|" * (3 + 2 * len(rates)))
direct = {r[0]: r for r in rows if r[1] == "direct"}
for r in rows:
    cells = [r[0], r[1], f"{int(r[2]):,}"]
    for i in range(len(rates)):
        p50, p99, sent = float(r[4 + 4 * i]), float(r[5 + 4 * i]), r[6 + 4 * i]
        d = direct[r[0]]
        d50, d99 = float(d[4 + 4 * i]), float(d[5 + 4 * i])
        failed = int(sent)
        if failed:
            cells.append(f"overloaded: {failed:,} calls failed, p50 {p50:,.0f}")
            cells.append("")
            continue
        cells.append(f"{p50:.2f} / {p99:.2f}")
        cells.append("" if r[1] == "direct" else f"{p50 - d50:+.2f} / {p99 - d99:+.2f}")
    print("| " + " | ".join(cells) + " |")
PY
echo
echo "Streams: $STREAMS concurrent for 30 s through RenLayer (upstream simulator, one event per 200 ms): $STREAMS_DONE streams completed; ${STREAM_ERRORS:-no socket errors, no non-2xx answers}; heap used at most $((HEAP_MAX / 1048576)) MiB of $((HEAP_LIMIT / 1048576)) MiB."
echo "Trace rows written by the gateway during the whole run: $ROWS; dropped: $DROPPED."
