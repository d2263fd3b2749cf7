package org.followuptracker.command.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.followuptracker.command.actor.Provenance;
import org.followuptracker.command.recommendation.RecommendationDirectory;
import org.followuptracker.command.recommendation.RecordRecommendationCommand;
import org.followuptracker.command.recommendation.UnSources;
import org.followuptracker.command.refusal.CommandRefusedException;
import org.followuptracker.command.refusal.ConflictException;
import org.followuptracker.command.refusal.NotFoundException;
import org.followuptracker.command.transaction.OneTransaction;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.UnSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Turns a letter as a coordinator describes it into commands. A letter that brings new recommendations records
 * them and the letter in one transaction: either all of it is appended or none of it.
 */
@Service
public class LetterRecorder {

    private final CommandGateway commands;
    private final OneTransaction oneTransaction;
    private final RecommendationDirectory recommendations;
    private final LetterReferences references;

    LetterRecorder(CommandGateway commands, OneTransaction oneTransaction, RecommendationDirectory recommendations,
            LetterReferences references) {
        this.commands = commands;
        this.oneTransaction = oneTransaction;
        this.recommendations = recommendations;
        this.references = references;
    }

    public LetterRecorded sendLetter(SendLetterRequest request, Provenance provenance) {
        try {
            return oneTransaction.run(() -> record(request, provenance));
        } catch (RuntimeException e) {
            if (request.reference() != null && causedBy(e, DuplicateKeyException.class)) {
                // Another request recorded the same reference between our check and our commit.
                throw referenceTaken(request);
            }
            throw e;
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private LetterRecorded record(SendLetterRequest request, Provenance provenance) {
        MetaData metaData = provenance.metaData();
        if (request.reference() != null) {
            if (references.letterWith(request.sender(), request.reference()).isPresent()) {
                throw referenceTaken(request);
            }
        }
        List<String> recommendationIds = new ArrayList<>();
        for (int i = 0; i < request.recommendations().size(); i++) {
            SendLetterRequest.UrgedRecommendation urged = request.recommendations().get(i);
            String field = "recommendations[" + i + "]";
            if (urged.isNew()) {
                if (urged.text() == null || urged.text().isBlank()) {
                    throw new CommandRefusedException(field + ".text",
                            "give either the recommendationId of a known recommendation, or the text of a new one");
                }
                String recommendationId = UUID.randomUUID().toString();
                List<UnSource> sources = UnSources.of(urged.sources());
                Mechanism mechanism = urged.mechanism() != null ? urged.mechanism()
                        : Optional.ofNullable(Mechanism.inferredFrom(sources)).orElse(Mechanism.NGO);
                commands.sendAndWait(new RecordRecommendationCommand(recommendationId, request.country(),
                        urged.text().strip(), mechanism, sources, urged.themes().stream().map(String::strip).toList()),
                        metaData);
                recommendationIds.add(recommendationId);
            } else {
                if (urged.text() != null || !urged.sources().isEmpty() || urged.mechanism() != null || !urged.themes().isEmpty()) {
                    throw new CommandRefusedException(field + ".recommendationId",
                            "a known recommendation is urged by its recommendationId alone; what it says is already recorded");
                }
                String country = recommendations.countryOf(urged.recommendationId())
                        .orElseThrow(() -> new CommandRefusedException(field + ".recommendationId",
                                "no recommendation " + urged.recommendationId() + " is recorded"));
                if (!country.equals(request.country())) {
                    throw new CommandRefusedException(field + ".recommendationId", "recommendation "
                            + urged.recommendationId() + " was made to " + country + ", not " + request.country());
                }
                recommendationIds.add(urged.recommendationId());
            }
        }
        String letterId = UUID.randomUUID().toString();
        commands.sendAndWait(new SendLetterCommand(letterId, request.country(), blankToNull(request.reference()),
                request.sentOn(), request.sender().strip(), request.recipient().strip(), request.subject().strip(),
                request.copiedTo(), request.responseDueBy(), recommendationIds), metaData);
        return new LetterRecorded(letterId, recommendationIds);
    }

    public String recordResponse(String letterId, RecordResponseRequest request, Provenance provenance) {
        List<PositionTaken> positions = request.positions().stream()
                .map(p -> new PositionTaken(p.recommendationId(), p.position()))
                .toList();
        return send(letterId, new RecordResponseCommand(letterId, UUID.randomUUID().toString(), request.receivedOn(),
                request.from().strip(), request.summary(), positions), provenance);
    }

    public String sendFollowUp(String letterId, FollowUpRequest request, Provenance provenance) {
        return send(letterId, new SendFollowUpCommand(letterId, UUID.randomUUID().toString(), request.sentOn(),
                request.summary().strip(), request.responseDueBy()), provenance);
    }

    public void changeDueDate(String letterId, DueDateRequest request, Provenance provenance) {
        send(letterId, new ChangeResponseDueDateCommand(letterId, request.responseDueBy(), request.changedOn(),
                request.reason().strip()), provenance);
    }

    public void recordPublication(String letterId, PublicationRequest request, Provenance provenance) {
        send(letterId, new RecordPublicationCommand(letterId, request.publishedOn(), request.url()), provenance);
    }

    private <R> R send(String letterId, Object command, Provenance provenance) {
        try {
            return commands.sendAndWait(command, provenance.metaData());
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new NotFoundException("no letter " + letterId + " is recorded");
        }
    }

    private ConflictException referenceTaken(SendLetterRequest request) {
        String existing = references.letterWith(request.sender(), request.reference()).orElse("recorded just now");
        return new ConflictException("reference", request.sender() + " already recorded a letter with reference "
                + request.reference().strip() + " (letter " + existing + ")");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
