#!/usr/bin/env sh
# Builds Follow-up Tracker and runs all of it on this machine, with nothing installed but JDK 17:
# an in-process Kafka broker, an embedded MongoDB-wire server, H2 for events, and both services.
# Data lives in ./data (or --data-dir=...); a restart keeps it. Stop with Ctrl+C.
set -e
cd "$(dirname "$0")"
echo "Building (the first build downloads dependencies) ..."
./mvnw -q -B -DskipTests package
exec java -jar embedded/target/follow-up-tracker-embedded.jar "$@"
