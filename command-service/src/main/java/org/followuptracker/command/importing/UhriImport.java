package org.followuptracker.command.importing;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.followuptracker.command.actor.Provenance;
import org.followuptracker.command.recommendation.RecordPositionCommand;
import org.followuptracker.command.recommendation.RecordRecommendationCommand;
import org.followuptracker.command.refusal.CommandRefusedException;
import org.followuptracker.command.transaction.OneTransaction;
import org.followuptracker.events.Mechanism;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Records the recommendations of a UHRI export: one recommendation per row and country concerned, with its UPR
 * position where the row gives one. Each is recorded with its annotation id in one transaction, so a second import
 * of the same file adds nothing, and a row that fails leaves nothing behind while the good rows still land.
 */
@Service
public class UhriImport {

    private final CommandGateway commands;
    private final OneTransaction oneTransaction;
    private final JdbcTemplate jdbc;

    UhriImport(CommandGateway commands, OneTransaction oneTransaction, JdbcTemplate jdbc) {
        this.commands = commands;
        this.oneTransaction = oneTransaction;
        this.jdbc = jdbc;
    }

    public ImportResult importCsv(Reader csv, String fileName, String actor) {
        UhriFile file = UhriCsvParser.parse(csv);
        List<ImportResult.Added> added = new ArrayList<>();
        List<ImportResult.AlreadyThere> alreadyThere = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>(file.rejected());
        for (UhriRow row : file.rows()) {
            Optional<Mechanism> mechanism = RecommendingBodies.mechanismOf(row.recommendingBody(), row.unSource());
            if (mechanism.isEmpty()) {
                rejected.add(new RejectedRow(row.lineNumber(), "recommending body \"" + row.recommendingBody()
                        + "\" is not the UPR, a treaty body or a special procedure"));
                continue;
            }
            if (row.uprPosition() != null && row.publishedOn() == null) {
                rejected.add(new RejectedRow(row.lineNumber(), "a UPR Position needs the Document Publication Date: "
                        + "the day the position was taken"));
                continue;
            }
            for (String country : row.countries()) {
                Optional<String> existing = importedAs(row.annotationId(), country);
                if (existing.isPresent()) {
                    alreadyThere.add(new ImportResult.AlreadyThere(row.lineNumber(), row.annotationId(), country,
                            existing.get()));
                    continue;
                }
                try {
                    String recommendationId = record(row, country, mechanism.get(),
                            new Provenance(actor, row.documentSymbol() + " (UHRI export " + fileName + ")"));
                    added.add(new ImportResult.Added(row.lineNumber(), row.annotationId(), country, recommendationId,
                            row.uprPosition() == null ? null : row.uprPosition().name()));
                } catch (CommandRefusedException e) {
                    rejected.add(new RejectedRow(row.lineNumber(), country + ": " + e.getMessage()));
                } catch (DuplicateKeyException e) {
                    // Another import recorded the same entry at the same moment.
                    alreadyThere.add(new ImportResult.AlreadyThere(row.lineNumber(), row.annotationId(), country,
                            importedAs(row.annotationId(), country).orElse(null)));
                }
            }
        }
        rejected.sort((a, b) -> Integer.compare(a.lineNumber(), b.lineNumber()));
        return new ImportResult(added, alreadyThere, rejected);
    }

    private Optional<String> importedAs(String annotationId, String country) {
        return jdbc.queryForList("SELECT recommendation_id FROM imported_annotation WHERE annotation_id = ? AND country = ?",
                String.class, annotationId, country).stream().findFirst();
    }

    private String record(UhriRow row, String country, Mechanism mechanism, Provenance provenance) {
        String recommendationId = UUID.randomUUID().toString();
        return oneTransaction.run(() -> {
            jdbc.update("INSERT INTO imported_annotation (annotation_id, country, recommendation_id) VALUES (?, ?, ?)",
                    row.annotationId(), country, recommendationId);
            commands.sendAndWait(new RecordRecommendationCommand(recommendationId, country, row.text(), mechanism,
                    List.of(row.unSource()), row.themes(), row.publishedOn()), provenance.metaData());
            if (row.uprPosition() != null) {
                LocalDate takenOn = row.publishedOn();
                commands.sendAndWait(new RecordPositionCommand(recommendationId, row.uprPosition(), takenOn,
                        row.documentSymbol()), provenance.metaData());
            }
            return recommendationId;
        });
    }
}
