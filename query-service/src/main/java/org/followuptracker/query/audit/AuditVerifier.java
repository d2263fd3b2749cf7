package org.followuptracker.query.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.followuptracker.events.CountryEventIds;
import org.followuptracker.query.store.DirectReadModel;
import org.followuptracker.query.store.Generations;
import org.springframework.stereotype.Component;

/**
 * Verifies the audit trail three ways: every chain by itself, every chain against the last signed checkpoint, and
 * every chain against the event store. What is read first matters: the checkpoint before the heads (the chains then
 * reach at least as far as it signed), the heads before the entries ({@link AuditVerification}), the entries before
 * the event store is asked (it then holds at least every event they are of).
 */
@Component
class AuditVerifier {

    private final Generations generations;
    private final Checkpoints checkpoints;
    private final EventStoreComparison eventStore;

    AuditVerifier(Generations generations, Checkpoints checkpoints, EventStoreComparison eventStore) {
        this.generations = generations;
        this.checkpoints = checkpoints;
        this.eventStore = eventStore;
    }

    /** @param authorization the auditor's own credentials, to ask the command service with */
    AuditVerification verify(String authorization) {
        Checkpoints.Reference reference = checkpoints.reference();
        DirectReadModel readModel = generations.reading();
        List<AuditHead> heads = readModel.all(AuditHead.COLLECTION, AuditHead.class);
        Map<String, CountryEventIds> eventIds = new TreeMap<>();
        AuditVerification chains = AuditChains.walk(readModel, heads, reference.statement(), entry ->
                eventIds.computeIfAbsent(entry.country(), country -> new CountryEventIds()).add(entry.eventId()));
        return chains.with(checkpoint(reference, chains), eventStore.compare(eventIds, authorization, readModel));
    }

    private static AuditVerification.CheckpointCheck checkpoint(Checkpoints.Reference reference,
            AuditVerification chains) {
        CheckpointStatement statement = reference.statement();
        if (statement == null) {
            return reference.problem() == null ? null
                    : new AuditVerification.CheckpointCheck(null, null, null, false, reference.problem());
        }
        boolean extended = chains.countries().stream()
                .allMatch(chain -> !Boolean.FALSE.equals(chain.extendsCheckpoint()));
        return new AuditVerification.CheckpointCheck(statement.number(), statement.takenAt(), statement.keyId(),
                extended, reference.problem());
    }
}
