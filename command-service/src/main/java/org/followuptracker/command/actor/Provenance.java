package org.followuptracker.command.actor;

import org.axonframework.messaging.MetaData;

/**
 * Who recorded a fact and from what source (a document symbol, a URL or a file name; may be absent). It travels as
 * the command's metadata onto every event the command causes, and from there into the Kafka envelope.
 */
public record Provenance(String actor, String source) {

    public static final String SOURCE_KEY = "source";

    public Provenance {
        source = source == null || source.isBlank() ? null : source.strip();
    }

    public MetaData metaData() {
        MetaData metaData = MetaData.with(CurrentActor.METADATA_KEY, actor);
        return source == null ? metaData : metaData.and(SOURCE_KEY, source);
    }
}
