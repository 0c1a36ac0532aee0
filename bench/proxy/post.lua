-- wrk: POST the body in $BENCH_BODY with the headers in $BENCH_HEADERS ("Name: value|Name: value").
wrk.method = "POST"
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
for header in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^|]+") do
  local name, value = header:match("^%s*([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end
