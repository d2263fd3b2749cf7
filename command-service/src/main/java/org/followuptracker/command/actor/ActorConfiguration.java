package org.followuptracker.command.actor;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Copies the actor and the source from each command's metadata onto every event the command causes. */
@Configuration
class ActorConfiguration {

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(CurrentActor.METADATA_KEY, Provenance.SOURCE_KEY);
    }
}
