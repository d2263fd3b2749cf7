package org.followuptracker.query.rebuild;

import org.followuptracker.query.audit.AuditHead;
import org.followuptracker.query.letter.CountryLetters;
import org.followuptracker.query.letter.LetterIndex;
import org.followuptracker.query.readmodel.Generations;
import org.followuptracker.query.readmodel.IndexParts;
import org.followuptracker.query.readmodel.TopicPositions;
import org.followuptracker.query.recommendation.BoardIndex;
import org.followuptracker.query.timeline.TimelineMonth;
import org.followuptracker.query.timeline.TimelinePlace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start: drops what interrupted builds left; builds the read models if there are none yet (a new store, or one
 * written by a version before generations); rebuilds them when they were written in an earlier layout (each
 * country's letters in one document; each month of a timeline in one document, or in larger parts; the letter and
 * board indexes whole), or when started
 * with {@code --rebuild}.
 */
@Component
class RebuildOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildOnStart.class);

    private final Generations generations;
    private final Rebuilds rebuilds;

    RebuildOnStart(Generations generations, Rebuilds rebuilds) {
        this.generations = generations;
        this.rebuilds = rebuilds;
    }

    @Override
    public void run(ApplicationArguments args) {
        generations.dropAllButLive();
        if (generations.live().isEmpty()) {
            log.info("no read models yet: building them from the topic");
            rebuilds.start(Rebuilds.FIRST_BUILD);
        } else if (generations.liveHas(CountryLetters.LEGACY_COLLECTION)) {
            // Readers read them as they are meanwhile, and events about a country move its letters.
            log.info("the read models keep each country's letters in one document, as earlier versions did: "
                    + "rebuilding them from the topic");
            rebuilds.start("read models of an earlier layout");
        } else if (generations.liveHas(TimelineMonth.COLLECTION) && !generations.liveHas(TimelinePlace.COLLECTION)) {
            // Readers read them as they are meanwhile, and events add to such a month in parts.
            log.info("the read models keep each month of a timeline in one document, as earlier versions did: "
                    + "rebuilding them from the topic");
            rebuilds.start("read models of an earlier layout");
        } else if (generations.liveHasAny(TimelineMonth.COLLECTION, TimelineMonth.largerThanAPart())) {
            // Read and added to as they are meanwhile (a larger part counts as full); rebuilt, so that a check of the
            // read models compares them with a build of the same layout.
            log.info("the read models keep timeline months in larger parts, as earlier versions did: rebuilding them "
                    + "from the topic");
            rebuilds.start("read models of an earlier layout");
        } else if (generations.liveHasAny(LetterIndex.COLLECTION, IndexParts.writtenBeforeParts())
                || generations.liveHasAny(BoardIndex.COLLECTION, IndexParts.writtenBeforeParts())) {
            // Read and added to as they are meanwhile (an index is cut into parts by its next id, and a letter or
            // recommendation written before is told indexed by the index's head); rebuilt, so that a check of the
            // read models compares them with a build of the same layout (whose letters and recommendations are
            // numbered).
            log.info("the read models keep the letter and board indexes whole, as earlier versions did: rebuilding "
                    + "them from the topic");
            rebuilds.start("read models of an earlier layout");
        } else if (generations.liveHas(AuditHead.COLLECTION) && !generations.liveHas(TopicPositions.COLLECTION)) {
            // Without them the live consumer would go by Kafka's committed offsets alone, which outlive a store that
            // lost its last writes.
            log.info("the read models do not keep where they stand on the topic, as earlier versions did not: "
                    + "rebuilding them from the topic");
            rebuilds.start("read models of an earlier layout");
        } else if (args.containsOption("rebuild")) {
            log.info("--rebuild: rebuilding the read models from the topic");
            rebuilds.start("--rebuild");
        }
    }
}
