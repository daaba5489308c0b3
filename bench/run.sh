#!/usr/bin/env bash
# Runs every benchmark scenario and prints one summary table (bench/README.md explains each figure).
#   bench/run.sh                 SQLite + PostgreSQL (needs CAPACITY_TEST_POSTGRES or /work/dev-services.sh) + HTTP
#   SKIP_POSTGRES=1 bench/run.sh  SQLite and HTTP only
#   SCALE=10000 bench/run.sh      also the at-scale budgets (CapacityAdmin.Bench.Scale) on a generated SQLite data set
# The in-process part runs every scenario (enroll, credits, join, join-cap): each prints one SUMMARY line for the table.
# Every load is bounded in time or count and goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-4000}
PARALLEL=${PARALLEL:-16}
HTTP_SECONDS=${HTTP_SECONDS:-10}
PORT=${PORT:-5099}
WORK=$(mktemp -d /tmp/capacity-bench-run.XXXXXX)
APP_PID=""
cleanup() { if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

dotnet build bench/CapacityAdmin.Bench -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
dotnet build src/CapacityAdmin.Web -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
ROWS=()

bench() { dotnet run -c Release --no-build --project bench/CapacityAdmin.Bench -- --requests "$REQUESTS" --parallel "$PARALLEL" "$@" | tee -a "$WORK/bench.log" | grep '^SUMMARY' || true; }

echo "== in process, SQLite" >&2
while IFS='|' read -r _ scenario provider p rp50 rp99 raw wp50 wp99 ratio oversold; do
  ROWS+=("$scenario|$provider|$p req/s (p50 $rp50, p99 $rp99 ms)|$raw req/s (p50 $wp50, p99 $wp99 ms)|$ratio|$oversold")
done < <(bench --provider Sqlite)

if [[ -z "${SKIP_POSTGRES:-}" ]]; then
  if [[ -z "${CAPACITY_TEST_POSTGRES:-}" && -x /work/dev-services.sh ]]; then eval "$(/work/dev-services.sh)"; fi
  if [[ -n "${CAPACITY_TEST_POSTGRES:-}" ]]; then
    echo "== in process, PostgreSQL" >&2
    PG="$CAPACITY_TEST_POSTGRES;Database=bench_$(date +%s);No Reset On Close=true;Max Auto Prepare=20"
    while IFS='|' read -r _ scenario provider p rp50 rp99 raw wp50 wp99 ratio oversold; do
      ROWS+=("$scenario|$provider|$p req/s (p50 $rp50, p99 $rp99 ms)|$raw req/s (p50 $wp50, p99 $wp99 ms)|$ratio|$oversold")
    done < <(bench --provider Postgres --connection "$PG")
  fi
fi

echo "== HTTP, SQLite, wrk on 127.0.0.1:$PORT" >&2
export ASPNETCORE_ENVIRONMENT=Production Data__Directory="$WORK/data" App__PublicBaseUrl=https://bench.invalid
APP=src/CapacityAdmin.Web/bin/Release/net10.0/CapacityAdmin.Web.dll
KEY=$(cd src/CapacityAdmin.Web && dotnet "../../$APP" apikey create --name bench --role Administrator | tail -n 1)
(cd src/CapacityAdmin.Web && exec dotnet "../../$APP" --urls "http://127.0.0.1:$PORT") >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do [[ "$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$PORT/healthz" || true)" != "000" ]] && break; sleep 0.5; done
api() { curl -sf -X POST "http://127.0.0.1:$PORT/api/v1$1" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "$2"; }
id() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("id") or d.get("campaignId"))'; }
COMPANY=$(api /companies '{"name":"Bench"}' | id)
campaign() { api /campaigns "{\"companyId\":\"$COMPANY\",\"name\":\"$1\",\"pricingModel\":\"seats\",\"targetVolunteers\":10,\"targetBeneficiaries\":0,\"committedSeats\":5000000}" | id; }
export KEY
# Warm-up, then the measured run at 16 connections.
CAMPAIGN=$(campaign warm) PREFIX=w wrk -t2 -c16 -d3s -s bench/http/enroll.lua "http://127.0.0.1:$PORT" >/dev/null
for c in 16 64; do
  IFS='|' read -r _ rps p50 p99 max errors total < <(CAMPAIGN=$(campaign "c$c") PREFIX="c$c" wrk -t2 -c"$c" -d"${HTTP_SECONDS}s" --timeout 5s -s bench/http/enroll.lua "http://127.0.0.1:$PORT" | grep '^WRK')
  ROWS+=("http enroll, $c connections|Sqlite|$rps req/s (p50 $p50, p99 $p99, max $max ms)|$total requests|errors $errors|")
done
# Single enrollments (4 connections) while one 10,000-item bulk call runs on another campaign.
BULK=$(campaign bulk)
python3 -c 'import json; print(json.dumps({"volunteerIds": [f"b-{i}" for i in range(10000)]}))' >"$WORK/bulk.json"
( START=$(date +%s.%N); curl -sf -o /dev/null -X POST "http://127.0.0.1:$PORT/api/v1/campaigns/$BULK/volunteers/bulk" \
    -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' --data-binary @"$WORK/bulk.json"; \
  echo "$(python3 -c "import time; print(round(time.time()-$START,2))")" >"$WORK/bulk.time" ) &
BULK_PID=$!
IFS='|' read -r _ rps p50 p99 max errors total < <(CAMPAIGN=$(campaign singles) PREFIX=s wrk -t1 -c4 -d"${HTTP_SECONDS}s" --timeout 5s -s bench/http/enroll.lua "http://127.0.0.1:$PORT" | grep '^WRK')
wait "$BULK_PID"
ROWS+=("http single enroll during a 10,000-item bulk|Sqlite|$rps req/s (p50 $p50, p99 $p99, max $max ms)|bulk took $(cat "$WORK/bulk.time") s|errors $errors|")

if [[ -n "${SCALE:-}" ]]; then
  echo "== at scale ($SCALE campaigns), SQLite" >&2
  dotnet build bench/CapacityAdmin.Bench.Scale -c Release -v q -nologo -clp:ErrorsOnly >/dev/null
  dotnet run -c Release --no-build --project bench/CapacityAdmin.Bench.Scale -- --scale "$SCALE" --iterations 20 | tee "$WORK/scale.log" | grep '^|' || true
fi

echo
echo "| Scenario | Provider | Product path | Raw ADO baseline / notes | Ratio / errors | Oversold |"
echo "|---|---|---|---|---|---|"
for row in "${ROWS[@]}"; do echo "| ${row//|/ | } |"; done
