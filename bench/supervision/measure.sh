#!/bin/bash
# bench/supervision/measure.sh DB [PORT]: times the statements of the supervision lists on a seeded database
# (seed.sql) in one session (SHOW PROFILES), prints their plans, and with PORT the HTTP calls of a running
# Doudi (demo users). Prints min / median / p95 in ms. Each list also with the deep-poverty filter
# (deepPoverty=true / false, docs/deep-poverty.md), written as Supervision writes it.
db=${1:?database}; port=$2
W="t.due_at < utc_timestamp() and (t.started_at is null or t.started_at > t.due_at)"
sql() { # name, statement, runs
  { echo "set profiling=1; set profiling_history_size=100;"; for i in $(seq ${3:-30}); do echo "$2;"; done; echo "show profiles;"; } \
   | mysql -uroot "$db" -N | awk -F'\t' 'NF==3 && $1 ~ /^[0-9]+$/ {print $2*1000}' | tail -n ${3:-30} | sort -n \
   | awk -v n="$1" '{a[NR]=$1} END {printf "%-40s min %7.1f median %7.1f p95 %7.1f ms (n=%d)\n", n, a[1], a[int((NR+1)/2)], a[int(NR*0.95+0.999)], NR}'
}
page="order by t.due_at, t.deep_poverty, t.task_id limit 0, 50"
grouped="select t.township_code, t.task_key, t.deep_poverty, count(t.task_id), min(t.task_id) from open_task t"
group="group by t.township_code, t.task_key, t.deep_poverty"
area="coalesce(cast(t.deep_poverty as char), '-')"
for r in county_code:130102 township_code:130102100 township_code:130102105 village_code:130102100201; do
  c=${r%%:*}; v=${r#*:}
  for f in "" "and $area <> '-'" "and $area = '-'"; do
    n="$c=$v"; [ -n "$f" ] && n="$n ${f/$area/area}"
    mysql -uroot "$db" -e "explain select * from open_task t where t.$c='$v' and $W $f $page; explain $grouped where t.$c='$v' and $W $f $group"
    sql "$n page of 50" "select * from open_task t where t.$c='$v' and $W $f $page"
    sql "$n totals" "$grouped where t.$c='$v' and $W $f $group"
  done
done
sql "before: OR over three columns (county)" "select * from open_task t where t.due_at < utc_timestamp() and (t.county_code='130102' or t.township_code='130102' or t.village_code='130102') and $W order by t.due_at" 5
[ -z "$port" ] && exit 0
http() { # user, path, runs
  for i in 1 2; do curl -s -o /dev/null -u "$1:demo" "http://127.0.0.1:$port$2"; done
  for i in $(seq ${3:-30}); do curl -s -o /dev/null -w "%{time_total}\n" -u "$1:demo" "http://127.0.0.1:$port$2"; done | awk '{print $1*1000}' | sort -n \
   | awk -v n="$2" '{a[NR]=$1} END {printf "%-60s min %7.1f median %7.1f p95 %7.1f ms (n=%d)\n", n, a[1], a[int((NR+1)/2)], a[int(NR*0.95+0.999)], NR}'
}
http tsupervisor1 "/api/supervision/notifications?region=130102100201"
http supervisor1 "/api/supervision/overdue?region=130102&page=0&size=50"
http supervisor1 "/api/supervision/overdue?region=130102&deepPoverty=true&page=0&size=50"
http supervisor1 "/api/supervision/overdue?region=130102&deepPoverty=false&page=0&size=50"
http tsupervisor1 "/api/supervision/overdue?region=130102100&page=0&size=50"
http tsupervisor1 "/api/supervision/overdue?region=130102100&deepPoverty=true&page=0&size=50"
http supervisor1 "/api/supervision/overdue?region=130102" 10
