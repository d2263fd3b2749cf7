package org.followuptracker.query.rebuild;

import org.followuptracker.query.audit.AuditHead;
import org.followuptracker.query.store.Generations;
import org.followuptracker.query.store.ReadModelLayout;
import org.followuptracker.query.store.TopicPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start: drops what interrupted builds left; builds the read models if there are none yet; rebuilds them when
 * they were written in an earlier layout ({@link ReadModelLayout#VERSION}: readers read them as they are meanwhile,
 * and the live consumer leaves them be) or without where they stand on the topic (the live consumer would go by
 * Kafka's committed offsets alone, which outlive a store that lost its last writes), or when started with
 * {@code --rebuild}.
 */
@Component
class RebuildOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildOnStart.class);
    static final String EARLIER_LAYOUT = "read models of an earlier layout";

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
            return;
        }
        int layout = generations.liveLayout();
        if (layout < ReadModelLayout.VERSION) {
            log.info("the read models are of layout {}, this version writes layout {}: rebuilding them from the topic",
                    layout, ReadModelLayout.VERSION);
            rebuilds.start(EARLIER_LAYOUT);
        } else if (layout > ReadModelLayout.VERSION) {
            // A later version built them, and keeps them: this one reads them as they are.
            log.warn("the read models are of layout {}, which a later version writes; this one writes layout {}",
                    layout, ReadModelLayout.VERSION);
        } else if (generations.liveHas(AuditHead.COLLECTION) && !generations.liveHas(TopicPositions.COLLECTION)) {
            log.info("the read models do not keep where they stand on the topic: rebuilding them from the topic");
            rebuilds.start(EARLIER_LAYOUT);
        } else if (args.containsOption("rebuild")) {
            log.info("--rebuild: rebuilding the read models from the topic");
            rebuilds.start("--rebuild");
        }
    }
}
