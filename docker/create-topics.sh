#!/usr/bin/env bash
# Creates Scoreline's topics on the three brokers: three replicas, min.insync.replicas 2, and each
# topic's own settings (those of dev.scoreline.topic.Topic; TopicScriptTest keeps them in step).
set -euo pipefail
bootstrap="$1"
partitions="${PARTITIONS:-4}"
topics=/opt/kafka/bin/kafka-topics.sh

create() {
  local name="$1"; shift
  local configs=(--config min.insync.replicas=2)
  for c in "$@"; do configs+=(--config "$c"); done
  "$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor 3 "${configs[@]}"
}

create match-events message.timestamp.type=LogAppendTime
create table-events message.timestamp.type=LogAppendTime
create wallet-events
create ticker-events
create state-deltas retention.ms=21600000 cleanup.policy=delete
create state-snapshots cleanup.policy=compact min.compaction.lag.ms=60000 segment.ms=3600000
create private-deltas retention.ms=21600000 cleanup.policy=delete
create private-snapshots cleanup.policy=compact min.compaction.lag.ms=60000 segment.ms=3600000
create state-changelog retention.ms=604800000
create verdicts retention.ms=3600000
create dead-letters retention.ms=604800000
