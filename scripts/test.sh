#!/usr/bin/env bash
# The one test command: installs what is missing (Chromium, PostgreSQL 15, an SMTP sink), starts a
# throw-away PostgreSQL cluster on 127.0.0.1, builds, runs every test project and prints
# "N passed, M failed" as its last line. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
artifacts="$root/.test-artifacts"
rm -rf "$artifacts"; mkdir -p "$artifacts"

log() { printf '\n==> %s\n' "$*"; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

log "Checking prerequisites"
command -v chromium >/dev/null 2>&1 || { echo "installing chromium"; apt_install chromium; }
[ -x /usr/lib/postgresql/15/bin/initdb ] || { echo "installing postgresql-15"; apt_install postgresql-15; }
command -v chromium >/dev/null 2>&1 || { echo "chromium is missing and could not be installed"; exit 1; }
# Debian's python3 (not a pyenv one on PATH) runs the SMTP sink.
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || { echo "installing python3-aiosmtpd"; apt_install python3-aiosmtpd; }
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || { echo "python3-aiosmtpd is missing and could not be installed"; exit 1; }

log "Starting a throw-away PostgreSQL 15"
pg_dir="$(mktemp -d /tmp/capacity-pg.XXXXXX)"
pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
chown postgres "$pg_dir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
stop_pg() { as_pg "/usr/lib/postgresql/15/bin/pg_ctl -D '$pg_dir/data' stop -m fast" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
smtp_pid=""; smtp_dir=""
stop_smtp() {
  if [ -n "$smtp_pid" ]; then kill "$smtp_pid" 2>/dev/null || true; wait "$smtp_pid" 2>/dev/null || true; fi
  if [ -n "$smtp_dir" ]; then rm -rf "$smtp_dir"; fi
}
cleanup() { stop_smtp; stop_pg; }
trap cleanup EXIT
as_pg "/usr/lib/postgresql/15/bin/initdb -D '$pg_dir/data' -U postgres --auth=trust -E UTF8" >"$artifacts/pg-init.log" 2>&1 \
  || { cat "$artifacts/pg-init.log"; exit 1; }
as_pg "/usr/lib/postgresql/15/bin/pg_ctl -D '$pg_dir/data' -l '$pg_dir/server.log' -w -o \"-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off\" start" >/dev/null \
  || { cat "$pg_dir/server.log"; exit 1; }
export CAPACITY_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres;Include Error Detail=true"
echo "PostgreSQL on 127.0.0.1:$pg_port"

log "Starting an SMTP sink (aiosmtpd)"
smtp_dir="$(mktemp -d /tmp/capacity-smtp.XXXXXX)"
mkdir -p "$smtp_dir/tmp" "$smtp_dir/new" "$smtp_dir/cur"
smtp_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$smtp_dir" >"$artifacts/smtp.log" 2>&1 &
smtp_pid=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break
  kill -0 "$smtp_pid" 2>/dev/null || { cat "$artifacts/smtp.log"; exit 1; }
  sleep 0.1
done
export CAPACITY_TEST_SMTP_PORT="$smtp_port" CAPACITY_TEST_SMTP_DIR="$smtp_dir"
echo "SMTP sink on 127.0.0.1:$smtp_port, messages in $smtp_dir/new"

log "Building"
dotnet build CapacityAdmin.sln -c Release -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

log "Running tests"
dotnet test CapacityAdmin.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$artifacts" 2>&1 | tee "$artifacts/test.log" \
  | grep -E "^\s*(Failed|Passed!|Failed!|Total tests|Error Message)|\[FAIL\]|error" || true
status=${PIPESTATUS[0]}

read -r passed failed < <(python3 - "$artifacts" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is not None:
        passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    for r in ET.parse(f).getroot().iter("{*}UnitTestResult"):
        if r.get("outcome") == "Failed":
            msg = " ".join(t.text or "" for t in r.iter("{*}Message"))
            stack = " ".join(t.text or "" for t in r.iter("{*}StackTrace"))
            out = " ".join(t.text or "" for t in r.iter("{*}StdOut"))
            print("FAILED " + r.get("testName"), file=sys.stderr)
            for part in (msg, "\n".join(stack.splitlines()[:12]), "\n".join(out.splitlines()[-15:])):
                if part.strip():
                    print("    " + part.strip().replace("\n", "\n    "), file=sys.stderr)
print(passed, failed)
PY
)
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi   # a crashed test host counts as a failure
echo
echo "$passed passed, $failed failed"
[ "$status" = 0 ] && [ "$failed" = 0 ]
