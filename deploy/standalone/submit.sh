#!/usr/bin/env bash
# Submits, stops and upgrades the newspulse jobs on a running Flink 2.2 cluster, with the
# `flink` command line (default) or the REST API (--rest). See deploy/standalone/README.md.
#
#   submit.sh start   JOB [--rest] [--savepoint PATH] [--set key=value]...
#   submit.sh stop    JOB [--rest] [--savepoint-dir DIR]
#   submit.sh upgrade JOB [--rest] [--savepoint-dir DIR] [--set key=value]...
#   submit.sh status      [--rest]
#
# JOB is `enrichment` or `signals`. `start` submits the jar (from PATH: resumes from that
# savepoint); `stop` stops the job with a savepoint and prints its path; `upgrade` does both:
# stop with a savepoint, then start the jar now at JOB_JAR from that savepoint. `--set` takes
# newspulse keys (config/newspulse.yaml); secrets come from NEWSPULSE_* environment variables
# of the process that runs the job's main(): this shell with the flink command line, the
# JobManager with --rest.
#
# Environment:
#   FLINK_REST_URL  REST endpoint of the JobManager (default http://localhost:8081)
#   FLINK_HOME      Flink installation whose bin/flink is used (default: `flink` on PATH)
#   JOB_JAR         the shaded jar (default: jobs/target/newspulse.jar of this repository)
# --rest needs curl and jq.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rest_url="${FLINK_REST_URL:-http://localhost:8081}"
rest_url="${rest_url%/}"
jar="${JOB_JAR:-$here/jobs/target/newspulse.jar}"
flink_bin="flink"
if [ -n "${FLINK_HOME:-}" ]; then
  flink_bin="$FLINK_HOME/bin/flink"
fi
# `flink -m` wants host:port.
jobmanager="${rest_url#*://}"

die() {
  echo "submit.sh: $*" >&2
  exit 2
}
usage() { sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

# Job name (as in the Flink UI) and main class of JOB.
job_name() {
  case "$1" in
    enrichment) echo newspulse-enrichment ;;
    signals) echo newspulse-signals ;;
    *) die "unknown job '$1' (enrichment or signals)" ;;
  esac
}
job_main() {
  case "$1" in
    enrichment) echo io.newspulse.jobs.enrichment.EnrichmentJob ;;
    signals) echo io.newspulse.jobs.signals.SignalsJob ;;
    *) die "unknown job '$1' (enrichment or signals)" ;;
  esac
}

need_rest_tools() {
  command -v curl >/dev/null || die "--rest needs curl"
  command -v jq >/dev/null || die "--rest needs jq"
}

# Id of the running job called NAME, or nothing.
running_job_id() {
  local name="$1"
  if [ "$use_rest" = true ]; then
    curl -fsS "$rest_url/jobs/overview" |
      jq -r --arg n "$name" '.jobs[] | select(.name == $n and .state == "RUNNING") | .jid' | head -1
  else
    "$flink_bin" list -r -m "$jobmanager" 2>/dev/null |
      awk -v n="$name" -F ' : ' '$3 == n " (RUNNING)" { print $2; exit }'
  fi
}

start_job() {
  local job="$1" savepoint="$2"
  shift 2
  local name main
  name="$(job_name "$job")"
  main="$(job_main "$job")"
  [ -f "$jar" ] || die "no jar at $jar (build it: ./mvnw -pl jobs -am package -DskipTests)"
  if [ -n "$(running_job_id "$name")" ]; then
    die "$name is already running (use upgrade)"
  fi
  if [ "$use_rest" = true ]; then
    local upload jar_id body
    upload="$(curl -fsS -X POST -H 'Expect:' -F "jarfile=@$jar" "$rest_url/jars/upload")"
    jar_id="$(jq -r '.filename' <<<"$upload" | sed 's#.*/##')"
    # Flink 2 takes the program arguments as a list (programArgsList).
    local args='[]'
    if [ $# -gt 0 ]; then
      args="$(printf '%s\n' "$@" | jq -R . | jq -s .)"
    fi
    body="$(jq -n --arg main "$main" --arg sp "$savepoint" --argjson args "$args" \
      '{entryClass: $main, programArgsList: $args}
       + (if $sp == "" then {} else {savepointPath: $sp, allowNonRestoredState: false} end)')"
    curl -fsS -X POST -H 'Content-Type: application/json' -d "$body" \
      "$rest_url/jars/$jar_id/run" | jq -r '"submitted \(.jobid)"'
  else
    local from=()
    if [ -n "$savepoint" ]; then
      from=(-s "$savepoint")
    fi
    "$flink_bin" run -d -m "$jobmanager" "${from[@]}" -c "$main" "$jar" "$@"
  fi
}

# Stops JOB with a savepoint into DIR (empty: the cluster's execution.checkpointing.savepoint-dir)
# and prints the savepoint's path on stdout.
stop_job() {
  local job="$1" dir="$2" name id
  name="$(job_name "$job")"
  id="$(running_job_id "$name")"
  [ -n "$id" ] || die "$name is not running"
  echo "stopping $name ($id) with a savepoint" >&2
  if [ "$use_rest" = true ]; then
    local body trigger status
    body="$(jq -n --arg d "$dir" '{drain: false} + (if $d == "" then {} else {targetDirectory: $d} end)')"
    trigger="$(curl -fsS -X POST -H 'Content-Type: application/json' -d "$body" \
      "$rest_url/jobs/$id/stop" | jq -r '."request-id"')"
    while :; do
      status="$(curl -fsS "$rest_url/jobs/$id/savepoints/$trigger")"
      case "$(jq -r '.status.id' <<<"$status")" in
        COMPLETED) break ;;
        *) sleep 2 ;;
      esac
    done
    if jq -e '.operation."failure-cause"' <<<"$status" >/dev/null; then
      die "savepoint failed: $(jq -r '.operation."failure-cause"."stack-trace"' <<<"$status" | head -3)"
    fi
    jq -r '.operation.location' <<<"$status"
  else
    local out opts=()
    if [ -n "$dir" ]; then
      opts=(--savepointPath "$dir")
    fi
    out="$("$flink_bin" stop -m "$jobmanager" "${opts[@]}" "$id")"
    echo "$out" >&2
    sed -n 's/.*Savepoint completed\. Path: //p' <<<"$out" | tail -1
  fi
}

status() {
  if [ "$use_rest" = true ]; then
    curl -fsS "$rest_url/jobs/overview" | jq -r '.jobs[] | "\(.jid)  \(.state)  \(.name)"'
  else
    "$flink_bin" list -m "$jobmanager"
  fi
}

[ $# -ge 1 ] || {
  usage
  exit 2
}
command="$1"
shift
job=""
if [ "$command" != status ] && [ "$command" != help ]; then
  [ $# -ge 1 ] || die "$command needs a JOB (enrichment or signals)"
  job="$1"
  shift
  job_name "$job" >/dev/null
fi
use_rest=false
savepoint=""
savepoint_dir=""
sets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rest) use_rest=true ;;
    --savepoint) savepoint="${2:?--savepoint needs a path}" && shift ;;
    --savepoint-dir) savepoint_dir="${2:?--savepoint-dir needs a directory}" && shift ;;
    --set) sets+=(--set "${2:?--set needs key=value}") && shift ;;
    *) die "unknown argument '$1'" ;;
  esac
  shift
done
if [ "$use_rest" = true ]; then
  need_rest_tools
fi

case "$command" in
  start) start_job "$job" "$savepoint" "${sets[@]}" ;;
  stop) stop_job "$job" "$savepoint_dir" ;;
  upgrade)
    path="$(stop_job "$job" "$savepoint_dir")"
    [ -n "$path" ] || die "no savepoint path reported; not starting the new version"
    # The job finishes right after its savepoint; wait until it no longer shows as running.
    for _ in $(seq 30); do
      [ -z "$(running_job_id "$(job_name "$job")")" ] && break
      sleep 2
    done
    echo "starting $(job_name "$job") from $path" >&2
    start_job "$job" "$path" "${sets[@]}"
    ;;
  status) status ;;
  help) usage ;;
  *) die "unknown command '$command' (start, stop, upgrade, status)" ;;
esac
