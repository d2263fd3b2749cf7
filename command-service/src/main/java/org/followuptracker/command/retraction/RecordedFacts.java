package org.followuptracker.command.retraction;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.followuptracker.command.refusal.CommandRefusedException;
import org.followuptracker.events.FactRetracted;

/**
 * The facts an aggregate has recorded (event id and type) and which of them were retracted, so that a retraction
 * names a fact of this aggregate, still standing, and so that an aggregate whose creating fact was retracted
 * takes no more facts.
 */
public final class RecordedFacts {

    private final String what;
    private final String creatingType;
    private final Map<String, String> types = new HashMap<>();
    private final Set<String> retracted = new HashSet<>();
    private boolean withdrawn;

    /**
     * @param what         the aggregate, as refusals name it ({@code letter}, {@code recommendation})
     * @param creatingType the event that creates it; retracted, the aggregate is withdrawn
     */
    public RecordedFacts(String what, Class<?> creatingType) {
        this.what = what;
        this.creatingType = creatingType.getSimpleName();
    }

    public void recorded(String eventId, Class<?> type) {
        types.put(eventId, type.getSimpleName());
    }

    public void retracted(FactRetracted event) {
        retracted.add(event.retractedEventId());
        withdrawn = withdrawn || event.retractedType().equals(creatingType);
    }

    /** Refuses any command once the aggregate itself was retracted. */
    public void refuseIfWithdrawn(String field, String aggregateId) {
        if (withdrawn) {
            throw new CommandRefusedException(field, "the " + what + " " + aggregateId + " was retracted");
        }
    }

    /** The type of the fact to retract; refuses one that is unknown here or already retracted. */
    public String typeToRetract(String eventId) {
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
