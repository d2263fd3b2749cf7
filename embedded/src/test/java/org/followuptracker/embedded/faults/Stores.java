package org.followuptracker.embedded.faults;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Where a tracker under test keeps its events: the event store and the Kafka broker, as the oracle reads them. */
interface Stores {

    String TOPIC = "followup-tracker.events";
    String CONSUMER_GROUP = "query-service";

    /** A connection to the event store, past the services. */
    Connection eventStore() throws SQLException;

    String bootstrapServers();

    /** An admin client of the broker, with timeouts a scenario can wait out. */
    default Admin kafkaAdmin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }
}
