package org.followuptracker.embedded.faults;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.kafka.clients.admin.Admin;

/** Where a tracker under test keeps its events: the event store and the Kafka broker, as the oracle reads them. */
interface Stores {

    String TOPIC = "followup-tracker.events";
    String CONSUMER_GROUP = "query-service";

    /** A connection to the event store, past the services. */
    Connection eventStore() throws SQLException;

    String bootstrapServers();

    Admin kafkaAdmin();
}
