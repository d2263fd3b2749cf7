package org.followuptracker.events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The CloudEvents {@code type} of each event: {@code org.followuptracker.} followed by the event's name, such as
 * {@code org.followuptracker.LetterSent}. The name is part of the contract: renaming a record means keeping its
 * old type here. The list of types is the one {@link TrackerEvent} permits, so that no other list can miss one.
 */
public final class EventTypes {

    public static final String PREFIX = "org.followuptracker.";

    /** Every event type, as {@link TrackerEvent} permits them: a new record there is a new type here. */
    private static final List<Class<? extends TrackerEvent>> ALL =
            Arrays.stream(TrackerEvent.class.getPermittedSubclasses())
                    .<Class<? extends TrackerEvent>>map(type -> type.asSubclass(TrackerEvent.class))
                    .toList();

    private static final Map<String, Class<? extends TrackerEvent>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventTypes::typeOf, Function.identity()));

    private EventTypes() {
    }

    public static String typeOf(Class<? extends TrackerEvent> eventClass) {
        return PREFIX + eventClass.getSimpleName();
    }

    public static Optional<Class<? extends TrackerEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static List<Class<? extends TrackerEvent>> all() {
        return ALL;
    }
}
