#!/usr/bin/env bash
# Time to first byte of a streamed chat completion: the upstream simulator directly, and through
# the gateway (key auth, limits, detectors, trace), on loopback. Needs a running gateway:
#   RENLAYER_BOOTSTRAP_OPERATOR_TOKEN=rop_quickstart_change_me ./renlayer start
# then, in another terminal:
#   bench/ttfb.sh [requests]            (default 500)
# Prints p50/p90/p99 of each and of the difference. Uses curl's time_starttransfer.
set -euo pipefail
N=${1:-500}
TOKEN=${RENLAYER_TOKEN:-rop_quickstart_change_me}
API=${RENLAYER_API:-http://localhost:8081/api/v1}
PROXY=${RENLAYER_PROXY:-http://localhost:8080}
SIM=${RENLAYER_SIM:-http://127.0.0.1:9099}

field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
call() { curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }

TENANT=$(call -X POST "$API/tenants" -d '{"name":"bench"}' | field id)
AGENT=$(call -X POST "$API/tenants/$TENANT/agents" -d "{\"name\":\"bench-$RANDOM$RANDOM\"}" | field id)
call -X POST "$API/tenants/$TENANT/upstreams" -d "{\"name\":\"sim\",\"provider\":\"openai\",\"baseUrl\":\"$SIM/v1\",\"credential\":\"x\"}" >/dev/null
KEY=$(call -X POST "$API/tenants/$TENANT/keys" -d "{\"agentId\":\"$AGENT\",\"name\":\"bench\",\"limits\":{\"requestsPerMinute\":1000000}}" | field key)
BODY='{"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"measure the first byte please"}]}'

measure() { # url, extra header
  for _ in $(seq 1 "$N"); do
    curl -s -o /dev/null -w '%{time_starttransfer}\n' -H 'Content-Type: application/json' -H "$2" -d "$BODY" "$1"
  done
}

echo "warming up (JIT) ..." >&2
measure "$PROXY/v1/chat/completions" "Authorization: Bearer $KEY" >/dev/null
measure "$SIM/v1/chat/completions" "X-Bench: direct" > /tmp/ttfb-direct.txt
measure "$PROXY/v1/chat/completions" "Authorization: Bearer $KEY" > /tmp/ttfb-gateway.txt

python3 - "$N" <<'PY'
import sys, statistics
def load(p): return sorted(float(x) * 1000 for x in open(p))
d, g = load('/tmp/ttfb-direct.txt'), load('/tmp/ttfb-gateway.txt')
def pct(v, q): return v[min(len(v) - 1, int(q * len(v)))]
print(f"requests per target: {sys.argv[1]} (sequential, loopback)")
print(f"{'':10}{'p50 ms':>10}{'p90 ms':>10}{'p99 ms':>10}")
for name, v in (("direct", d), ("gateway", g)):
    print(f"{name:10}{pct(v,.5):10.2f}{pct(v,.9):10.2f}{pct(v,.99):10.2f}")
print(f"{'added':10}{pct(g,.5)-pct(d,.5):10.2f}{pct(g,.9)-pct(d,.9):10.2f}{pct(g,.99)-pct(d,.99):10.2f}")
PY
