#!/bin/sh
# Creates the four newspulse topics (docs/contracts.md) when they are missing. Runs in the
# apache/kafka image (the `topics` service of deploy/docker-compose.yml); safe to run again.
#
# Environment: KAFKA_BOOTSTRAP (default kafka:9092), TOPIC_PARTITIONS (default 3),
# TOPIC_REPLICATION (default 1).
set -eu

bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
partitions="${TOPIC_PARTITIONS:-3}"
replication="${TOPIC_REPLICATION:-1}"
topics_cmd=/opt/kafka/bin/kafka-topics.sh

# Raw articles may be up to 2 MiB (docs/contracts.md); enriched records carry them with their
# analysis (a job writes up to 4 MiB of JSON), so every topic allows 5 MiB, the jobs' producer
# max.request.size (RecordSizes), instead of the broker's 1 MiB default.
big=5242880
day=86400000

create() {
  name="$1"
  shift
  "$topics_cmd" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$replication" "$@"
}

echo "creating topics on $bootstrap ($partitions partitions, replication $replication)"
create news.raw --config retention.ms=$((7 * day)) --config max.message.bytes=$big
# news.enriched records carry the article's event time as their timestamp and time-based
# retention deletes by that time: keep it longer than the oldest history you re-process.
create news.enriched --config retention.ms=$((30 * day)) --config max.message.bytes=$big
create signals.alerts --config retention.ms=$((30 * day)) --config max.message.bytes=$big
create news.dlq --config retention.ms=$((30 * day)) --config max.message.bytes=$big
"$topics_cmd" --bootstrap-server "$bootstrap" --describe \
  --topic 'news\.raw|news\.enriched|signals\.alerts|news\.dlq' | grep -v 'Partition: ' || true
