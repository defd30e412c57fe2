#!/usr/bin/env bash
# A run against a separately started Dask cluster on this machine (`dask scheduler` + two `dask worker`
# processes, each started here as its own command) loads the same rows as a serial run of the same folder.
#
#   eval/dask_cluster_check.sh [FOLDER]      (default data/raw, the sample reports; or `make dask-check`)
#
# Prints the scheduler's address, the rows and findings of both databases, which worker extracted each
# report (run_files.detail), the `pipeline diff` of the two ("ALL (0 of N reports changed)") and a last
# line SAME ROWS (exit 0) or DIFFERENT ROWS (exit 1). The scheduler and workers are stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
DASK=${DASK:-$(dirname "$PY")/dask}
FOLDER=${1:-data/raw}
work=$(mktemp -d "${TMPDIR:-/tmp}/lkjip-dask-check.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The workers import this checkout's code; they must be allowed to start processes (each report runs in
# a fresh subprocess under the limits); a worker that dies in a task has it run once more elsewhere.
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
export DASK_DISTRIBUTED__WORKER__DAEMON=False DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=1
port=$("$PY" -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
address="tcp://127.0.0.1:$port"

"$DASK" scheduler --host 127.0.0.1 --port "$port" --no-dashboard >"$work/scheduler.log" 2>&1 &
pids+=($!)
for k in 1 2; do
  "$DASK" worker "$address" --nthreads 1 --name "worker-$k" --no-dashboard >"$work/worker-$k.log" 2>&1 &
  pids+=($!)
done
"$PY" -c "
from distributed import Client
with Client('$address', timeout=60) as c:
    c.wait_for_workers(2, timeout=120)
    print('cluster:', '$address', 'with', len(c.scheduler_info()['workers']), 'workers:',
          ', '.join(sorted(w['name'] for w in c.scheduler_info()['workers'].values())))
"

"$PY" -m pipeline extract "$FOLDER" --db "$work/serial.sqlite" --out "$work/serial" --jobs 1 --quiet | tail -1
"$PY" -m pipeline extract "$FOLDER" --db "$work/dask.sqlite" --out "$work/dask" --quiet --dask "$address" | tail -1
"$PY" - "$work/serial.sqlite" "$work/dask.sqlite" <<'EOF'
import sqlite3, sys
for name, path in (("serial", sys.argv[1]), ("dask", sys.argv[2])):
    with sqlite3.connect(path) as con:
        counts = [con.execute(f"SELECT COUNT(*) FROM {v}").fetchone()[0] for v in ("performance", "budget", "findings")]
        print(f"{name:7s} {counts[0]} performance rows, {counts[1]} budget rows, {counts[2]} findings")
with sqlite3.connect(sys.argv[2]) as con:
    for source, detail in con.execute("SELECT source_file, detail FROM run_files WHERE stage = 'load' ORDER BY source_file"):
        print(f"  {source}: {detail}")
EOF
echo "pipeline diff serial dask:"
diff_out=$("$PY" -m pipeline diff "$work/serial.sqlite" "$work/dask.sqlite")
echo "$diff_out"
if echo "$diff_out" | grep -q "^ALL (0 of "; then echo "SAME ROWS"; else echo "DIFFERENT ROWS"; exit 1; fi
