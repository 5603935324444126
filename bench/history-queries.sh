#!/bin/bash
# The history's queries at scale, before and after issue #16, each under EXPLAIN ANALYZE three times (milliseconds of execution,
# with the load average). DB names a migrated PostgreSQL database seeded with HistorySeed's statements
# (tests/ImageLab.EndToEnd.Tests/HistorySeed.cs; e.g. 100,000 experiments of 4 iterations). The queries are written by hand
# after the ones EF sends.
#   DB=imagelab_scale bench/history-queries.sh
set -euo pipefail
: "${DB:?name the seeded database}"
q() { local name="$1" sql="$2"; local times=""; for i in 1 2 3; do t=$(psql -At -h 127.0.0.1 -p 55432 -U postgres -d $DB -c "EXPLAIN (ANALYZE, FORMAT JSON) $sql" | python3 -c 'import json,sys; print(round(json.load(sys.stdin)[0]["Execution Time"],1))'); times="$times $t"; done; echo "$name:$times  (load $(cut -d' ' -f1 /proc/loadavg))"; }
q "before: DISTINCT submitters" "SELECT DISTINCT submitted_by FROM experiments ORDER BY submitted_by"
q "after: skip-scan submitters" "WITH RECURSIVE submitters(name) AS (SELECT min(submitted_by) FROM experiments UNION ALL SELECT (SELECT min(e.submitted_by) FROM experiments e WHERE e.submitted_by > s.name) FROM submitters s WHERE s.name IS NOT NULL) SELECT name FROM submitters WHERE name IS NOT NULL ORDER BY name LIMIT 1000"
q "before: count(*)" "SELECT count(*) FROM experiments"
q "after: count capped at 10,001" "SELECT count(*) FROM (SELECT 1 FROM experiments LIMIT 10001) t"
q "before: count project+status" "SELECT count(*) FROM experiments e JOIN projects p ON p.id = e.project_id WHERE p.name = 'service-3' AND e.status = 'Succeeded'"
q "after: count project+status capped" "SELECT count(*) FROM (SELECT 1 FROM experiments e JOIN projects p ON p.id = e.project_id WHERE p.name = 'service-3' AND e.status = 'Succeeded' LIMIT 10001) t"
PAGE="SELECT e.id, e.name, p.name, e.submitted_by, e.status, e.created_at, (SELECT count(*) FROM iterations i WHERE i.experiment_id = e.id), (SELECT i.size_bytes FROM iterations i WHERE i.experiment_id = e.id AND i.ordinal = 1 LIMIT 1), (SELECT i.size_bytes FROM iterations i WHERE i.experiment_id = e.id ORDER BY i.ordinal DESC LIMIT 1), (SELECT i.engine_version FROM iterations i WHERE i.experiment_id = e.id ORDER BY i.ordinal DESC LIMIT 1), (SELECT i.image_store FROM iterations i WHERE i.experiment_id = e.id ORDER BY i.ordinal DESC LIMIT 1) FROM experiments e JOIN projects p ON p.id = e.project_id"
q "first page" "$PAGE ORDER BY e.created_at DESC, e.id DESC LIMIT 21"
q "before: page 2,501 (OFFSET 50000)" "$PAGE ORDER BY e.created_at DESC, e.id DESC OFFSET 50000 LIMIT 20"
CUR=$(psql -At -h 127.0.0.1 -p 55432 -U postgres -d $DB -c "SELECT created_at || '|' || id FROM experiments ORDER BY created_at DESC, id DESC OFFSET 49999 LIMIT 1")
AT="${CUR%|*}"; ID="${CUR#*|}"
q "after: keyset page at row 50,001" "$PAGE WHERE e.created_at <= '$AT' AND (e.created_at < '$AT' OR e.id < $ID) ORDER BY e.created_at DESC, e.id DESC LIMIT 21"
q "after: oldest page (keyset)" "$PAGE ORDER BY e.created_at, e.id LIMIT 21"
