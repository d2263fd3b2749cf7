package org.followuptracker.command.relay;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Makes sure the event topic exists with infinite retention before the first send, so that a broker that
 * auto-creates topics never gets to create it with its default retention.
 */
@Component
class EventTopic {

    private static final Logger log = LoggerFactory.getLogger(EventTopic.class);

    private final KafkaAdmin admin;
    private final RelayProperties properties;
    private volatile boolean ready;

    EventTopic(KafkaAdmin admin, RelayProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    String name() {
        return properties.topic();
    }

    void ensureExists() {
        if (ready) {
            return;
        }
        NewTopic topic = new NewTopic(properties.topic(), properties.partitions(), properties.replicas())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            client.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            log.info("created topic {} with {} partitions, kept forever", topic.name(), topic.numPartitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s while creating " + topic.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic.name(), e);
        }
        ready = true;
    }
}
