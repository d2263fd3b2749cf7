package org.followuptracker.command;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.followuptracker.command.letter.LetterReferences;
import org.followuptracker.command.recommendation.RecommendationDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Axon stores and hands out events here. */
@Configuration
class AxonConfiguration {

    /**
     * The mapper Axon's Jackson serializer uses for stored events: dates as ISO strings, and lenient about fields
     * it does not know, so that events written by a newer version still load. It is not the web layer's mapper.
     */
    @Bean(name = "defaultAxonObjectMapper", defaultCandidate = false)
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * A failure in these handlers must not be logged and skipped: the relay must retry until Kafka acked, and the
     * look-up tables must roll back the command that could not update them.
     */
    @Autowired
    void propagateFailures(EventProcessingConfigurer processing) {
        for (String group : new String[] {"kafka-relay", LetterReferences.PROCESSING_GROUP,
                RecommendationDirectory.PROCESSING_GROUP}) {
            processing.registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
        }
    }
}
