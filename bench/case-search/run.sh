#!/bin/bash
# For each query of queries.sql: EXPLAIN, then the median of 7 warm runs (server time, SHOW PROFILES).
# Usage: bench/case-search/run.sh <database>
DB=${1:-doudi_search}
HERE=$(dirname "$0")
python3 - "$DB" "$HERE/queries.sql" <<'PY'
import subprocess, sys, statistics, re
db, path = sys.argv[1], sys.argv[2]
for label, q in re.findall(r'-- (.*?)\n(.*?;)', open(path).read(), re.S):
    ex = subprocess.run(['mysql', '-uroot', db, '-t', '-e', 'EXPLAIN ' + q], capture_output=True, text=True).stdout
    sql = 'SET profiling=1; SET profiling_history_size=20;' + (q + '\n') * 8 + 'SHOW PROFILES;'
    out = subprocess.run(['mysql', '-uroot', db, '-N', '-e', sql], capture_output=True, text=True).stdout
    durs = [float(l.split('\t')[1]) * 1000 for l in out.strip().split('\n')[-8:]]
    print('==', label, '| median %.2f ms, max %.2f ms (7 warm runs)' % (statistics.median(durs[1:]), max(durs[1:])))
    print(ex)
PY
