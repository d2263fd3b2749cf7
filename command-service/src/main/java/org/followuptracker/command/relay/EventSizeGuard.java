package org.followuptracker.command.relay;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.followuptracker.command.refusal.CommandRefusedException;
import org.followuptracker.events.EnvelopeCodec;
import org.followuptracker.events.TrackerEvent;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses, before it is stored, an event whose Kafka message would be larger than the relay can send. Stored, it
 * would stop the relay for every country: Kafka would refuse it on every retry. The request limits keep events far
 * below this; the guard makes sure of it whatever the input.
 */
@Component
class EventSizeGuard implements MessageDispatchInterceptor<EventMessage<?>>, InitializingBean {

    /** Half of Kafka's default 1 MiB message limit (producer and broker). */
    static final int MAX_MESSAGE_BYTES = 512 * 1024;

    private final EventBus eventBus;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    EventSizeGuard(EventBus eventBus) {
        this.eventBus = eventBus;
    }

    @Override
    public void afterPropertiesSet() {
        eventBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (message.getPayload() instanceof TrackerEvent event) {
                int size = codec.encode(Envelopes.of(event, message)).length;
                if (size > MAX_MESSAGE_BYTES) {
                    throw new CommandRefusedException("body", "the request makes an event of " + size
                            + " bytes; at most " + MAX_MESSAGE_BYTES + " can be recorded: shorten the texts or lists");
                }
            }
            return message;
        };
    }
}
