#!/usr/bin/env bash
# One-shot setup, run in the job image: the `init` service of deploy/docker-compose.yml (after
# the `topics` service has created the Kafka topics) and the Kubernetes setup Job
# (deploy/kubernetes/40-setup-job.yaml, with SUBMIT_JOBS=false):
#   1. waits for Elasticsearch, Kibana and (when submitting) the Flink JobManager;
#   2. sets the kibana_system password (Kibana's own login) when KIBANA_SYSTEM_PASSWORD is set;
#   3. `newspulse es setup --writer-user`: index templates, ILM policy, roles and the writer
#      user (deploy/elasticsearch/), connected as the elastic superuser;
#   4. `newspulse kibana import --overwrite`: data views and dashboards (deploy/kibana/), as
#      the elastic superuser;
#   5. unless SUBMIT_JOBS=false: submits the enrichment and signals jobs to the session cluster
#      with `flink run -d`, each only when a job of that name is not already running.
# Every step is safe to run again.
#
# Environment (set by the compose file from deploy/.env):
#   ELASTIC_PASSWORD      password of the elastic superuser
#   KIBANA_SYSTEM_PASSWORD  optional: password to give the built-in kibana_system user
#   NEWSPULSE_ES_USERNAME, NEWSPULSE_ES_PASSWORD
#                         the writer account the jobs index with (read by the jobs' main())
#   ES_URL (http://elasticsearch:9200), KIBANA_URL (http://kibana:5601),
#   KAFKA_BOOTSTRAP (kafka:9092), FLINK_JOBMANAGER (jobmanager:8081),
#   FLINK_PARALLELISM (2; both jobs need 2 x this many free task slots), WAIT_SECONDS (300),
#   SUBMIT_JOBS (true)
set -euo pipefail

es_url="${ES_URL:-http://elasticsearch:9200}"
kibana_url="${KIBANA_URL:-http://kibana:5601}"
kafka_bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
jobmanager="${FLINK_JOBMANAGER:-jobmanager:8081}"
parallelism="${FLINK_PARALLELISM:-2}"
wait_seconds="${WAIT_SECONDS:-300}"
submit_jobs="${SUBMIT_JOBS:-true}"
jar=/opt/flink/usrlib/newspulse.jar
# Every newspulse command below (and the jobs' main()) reads this key from the environment.
export NEWSPULSE_ELASTICSEARCH_HOSTS="$es_url"

: "${ELASTIC_PASSWORD:?set ELASTIC_PASSWORD in deploy/.env}"
: "${NEWSPULSE_ES_USERNAME:?set NEWSPULSE_ES_USERNAME in deploy/.env}"
: "${NEWSPULSE_ES_PASSWORD:?set NEWSPULSE_ES_PASSWORD in deploy/.env}"

log() { echo "init: $*"; }

# wait_for NAME COMMAND...: retries COMMAND every 3 s until it succeeds or WAIT_SECONDS pass.
wait_for() {
  local name="$1" deadline=$((SECONDS + wait_seconds))
  shift
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      log "$name not ready after ${wait_seconds}s"
      return 1
    fi
    sleep 3
  done
  log "$name is ready"
}

es_healthy() {
  curl -fsS -u "elastic:$ELASTIC_PASSWORD" \
    "$es_url/_cluster/health?wait_for_status=yellow&timeout=2s" | grep -q '"status":"\(green\|yellow\)"'
}
kibana_available() {
  curl -fsS -u "elastic:$ELASTIC_PASSWORD" "$kibana_url/api/status" | grep -q '"level":"available"'
}
jobmanager_up() { curl -fsS "http://$jobmanager/overview"; }
# overview_field NAME: a number from the JobManager's /overview (e.g. slots-available).
overview_field() {
  curl -fsS "http://$jobmanager/overview" | sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"
}
taskmanager_registered() { [ "$(overview_field slots-total)" -gt 0 ]; }

# As the elastic superuser, for the administrative commands only.
as_admin() { NEWSPULSE_ES_USERNAME=elastic NEWSPULSE_ES_PASSWORD="$ELASTIC_PASSWORD" "$@"; }

wait_for Elasticsearch es_healthy

if [ -n "${KIBANA_SYSTEM_PASSWORD:-}" ]; then
  log "setting the kibana_system password"
  curl -fsS -u "elastic:$ELASTIC_PASSWORD" -H 'Content-Type: application/json' \
    -X POST "$es_url/_security/user/kibana_system/_password" \
    -d "{\"password\":\"$KIBANA_SYSTEM_PASSWORD\"}" >/dev/null
fi

# The jobs index as the writer account; `es setup` creates or updates it with the writer role.
log "newspulse es setup"
NEWSPULSE_ES_WRITER_PASSWORD="$NEWSPULSE_ES_PASSWORD" \
  as_admin newspulse es setup --writer-user "$NEWSPULSE_ES_USERNAME"

wait_for Kibana kibana_available
log "newspulse kibana import"
as_admin newspulse kibana import --url "$kibana_url" --overwrite

if [ "$submit_jobs" = false ]; then
  log "done (SUBMIT_JOBS=false: jobs not submitted)"
  exit 0
fi
wait_for JobManager jobmanager_up
wait_for TaskManager taskmanager_registered

# running NAME: whether a job called NAME is scheduled or running.
running() { flink list -m "$jobmanager" 2>/dev/null | grep -q " : $1 ("; }

# Each job takes `parallelism` slots (one slot sharing group). Refuse to submit jobs that would
# wait for slots for ever, with the fix in the message.
to_submit=0
for name in newspulse-enrichment newspulse-signals; do
  running "$name" || to_submit=$((to_submit + 1))
done
slots_needed=$((to_submit * parallelism))
slots_available="$(overview_field slots-available)"
if [ "$slots_needed" -gt "${slots_available:-0}" ]; then
  log "$to_submit job(s) at parallelism $parallelism need $slots_needed free task slots, the" \
    "cluster has ${slots_available:-0}: raise FLINK_TASK_SLOTS in deploy/.env (at least twice" \
    "FLINK_PARALLELISM) or add TaskManagers (--scale taskmanager=N), or lower FLINK_PARALLELISM"
  exit 1
fi

# submit NAME MAIN_CLASS: `flink run -d` unless a job called NAME is scheduled or running.
# The job's main() runs here and reads NEWSPULSE_* from this environment (the writer account).
submit() {
  local name="$1" main="$2"
  if running "$name"; then
    log "$name is already running"
    return 0
  fi
  log "submitting $name"
  flink run -d -m "$jobmanager" -p "$parallelism" -c "$main" "$jar" \
    --set "kafka.bootstrap_servers=$kafka_bootstrap" \
    --set "elasticsearch.hosts=$es_url"
}

submit newspulse-enrichment io.newspulse.jobs.enrichment.EnrichmentJob
submit newspulse-signals io.newspulse.jobs.signals.SignalsJob
log "done: Flink http://localhost:8081, Kibana http://localhost:5601"
