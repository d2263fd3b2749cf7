package org.followuptracker.query.web;

import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the read store answers. Spring Boot's own MongoDB indicator asks {@code hello}, which the embedded
 * MongoDB-wire server does not know; {@code ping} is answered by it and by real MongoDB alike.
 */
@Component("readStore")
class ReadStoreHealthIndicator implements HealthIndicator {

    private final MongoTemplate mongo;

    ReadStoreHealthIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Health health() {
        try {
            mongo.getDb().runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", mongo.getDb().getName()).build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
