package org.followuptracker.command.retraction;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.followuptracker.command.web.CommandRefusedException;

/**
 * The facts an aggregate has recorded (event id and type) and which of them were retracted, so that a retraction
 * names a fact of this aggregate, still standing, and not itself a retraction.
 */
public final class RecordedFacts {

    private final Map<String, String> types = new HashMap<>();
    private final Set<String> retracted = new HashSet<>();

    public void recorded(String eventId, Class<?> type) {
        types.put(eventId, type.getSimpleName());
    }

    public void retracted(String eventId) {
        retracted.add(eventId);
    }

    public boolean isRetracted(String eventId) {
        return retracted.contains(eventId);
    }

    /** The type of the fact to retract; refuses one that is unknown here or already retracted. */
    public String typeToRetract(String eventId, String what) {
        String type = types.get(eventId);
        if (type == null) {
            throw new CommandRefusedException("eventId", "no fact " + eventId + " is recorded on this " + what);
        }
        if (retracted.contains(eventId)) {
            throw new CommandRefusedException("eventId", "fact " + eventId + " was retracted already");
        }
        return type;
    }
}
