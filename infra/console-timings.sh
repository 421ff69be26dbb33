#!/usr/bin/env bash
# Times the API calls each console page waits for before it shows its data, against a running local
# platform (infra/start-local.sh), as the signed-in admin: each page's calls run as the page makes
# them (in order, or in parallel where the page uses Promise.all), twice: the first view after a
# start (or after the analytics cache lapsed) and the next. Usage: infra/console-timings.sh [--port N]
# (CALLS=1 infra/console-timings.sh ... also prints every call's seconds on stderr)
set -euo pipefail
cd "$(dirname "$0")/.."
port=3000
[ "${1:-}" = "--port" ] && port="$2"
base="http://127.0.0.1:$port"
secrets=.data/local/local-secrets.properties
pw=$(grep '^STAFF_PASSWORD_ADMIN=' "$secrets" | cut -d= -f2)
token=$(curl -sf "$base/_local/auth/token" -d "{\"username\":\"admin\",\"password\":\"$pw\"}" | sed 's/.*"idToken":"\([^"]*\)".*/\1/')
auth="authorization: Bearer $token"

# seconds for one GET, or a POST when a body follows the path (fails on a non-2xx answer); with
# CALLS=1 each call's time also goes to stderr
one() {
  local t
  if [ $# -gt 1 ]; then
    t=$(curl -sf -o /dev/null -w '%{time_total}' -H "$auth" -H 'content-type: application/json' -d "$2" "$base$1") || { echo "POST $1 failed" >&2; exit 1; }
  else
    t=$(curl -sf -o /dev/null -w '%{time_total}' -H "$auth" "$base$1") || { echo "GET $1 failed" >&2; exit 1; }
  fi
  [ -n "${CALLS:-}" ] && echo "  $1 $t" >&2
  printf '%s' "$t"
}
# the Campaigns page's ad budget card, as it loads
allocation='{"budget":"6000.00","currency":"CNY","channels":[{"channel":"wechat-moments","max":"4000.00"},{"channel":"douyin","max":"5000.00"},{"channel":"baidu-search","max":"2500.00"}]}'
# wall seconds for several GETs in parallel
parallel() {
  local start end pids=()
  start=$(date +%s.%N)
  for path in "$@"; do one "$path" >/dev/null & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p"; done
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
sum() { echo "$*" | tr ' ' '+' | bc; }

page() {
  local name="$1"; shift
  local t
  case "$name" in
    overview) t=$(one "/v1/analytics/overview?days=30") ;;
    customers)
      local id="$customer"
      t=$(sum "$(one "/v1/profiles/$id")" "$(parallel "/v1/profiles/$id/scores" "/v1/profiles/$id/recommendations?n=5" \
        "/v1/profiles/$id/coupons" "/v1/profiles/$id/loyalty" "/v1/profiles/$id/offer?channel=web")") ;;
    desk) t=$(one "/v1/chat/handoffs") ;;
    stock)
      local sku
      sku=$(curl -sf -H "$auth" "$base/v1/replenishment?limit=1&location=online" | grep -o '"sku":"[^"]*"' | head -1 | cut -d'"' -f4)
      t=$(sum "$(one "/v1/replenishment?limit=500&location=online")" "$(one "/v1/forecasts/$sku?days=28&location=online")") ;;
    campaigns) t=$(echo "$(parallel "/v1/campaigns" "/v1/offers/uplift") $(one /v1/ads/allocation "$allocation")" | tr ' ' '\n' | sort -g | tail -1) ;;
    segments) t=$(parallel "/v1/analytics/rfm" "/v1/segments") ;;
    deliveries) t=0 ;;
    models) t=$(parallel "/v1/admin/models" "/v1/admin/sources") ;;
  esac
  printf '%s' "$t"
}

# a seeded customer (Customer 360 opens one): the first profile id in the lake's raw objects
customer=$(find .data/local/s3 -path '*/events/dt=*' -name '*.ndjson.gz' | head -1 | xargs zcat | grep -o -m1 '"profileId":"[^"]*"' | cut -d'"' -f4 || true)

printf 'page\tfirst view (s)\tsecond view (s)\n'
for p in overview customers desk stock campaigns segments deliveries models; do
  first=$(page "$p"); second=$(page "$p")
  printf '%s\t%.3f\t%.3f\n' "$p" "$first" "$second"
done
