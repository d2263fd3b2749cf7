#!/usr/bin/env sh
# Runs the benchmark (issue 7): appends, freshness, rebuild, reads, memory and growth, each beside its baseline
# measured in the same run, on this machine's PostgreSQL (127.0.0.1:5432, database test). Prints one table and
# writes it to benchmark-results.md. Options: --events=1000000 --seed=42 --seconds=10 --requests=1000
# --warm-up-seconds=15 --mongo-uri=mongodb://host:27017/benchmark (a real MongoDB instead of the embedded MongoDB-wire server).
# --until=B2 stops after appends and freshness (about 6 minutes), --until=B4 after the reads on the base set;
# --only=B3 stores the events and rebuilds, nothing else. See docs/benchmark.md.
set -e
cd "$(dirname "$0")"
echo "Building (the first build downloads dependencies) ..."
./mvnw -q -B -DskipTests package
exec java -Xmx8g -jar benchmark/target/benchmark.jar "$@"
