package org.followuptracker.query.projection;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** The query service's projections, as Spring gives them to the consumer and rebuilds, without the rest of it. */
public final class TheProjections {

    @ComponentScan(basePackages = "org.followuptracker.query", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                    pattern = ".*(Projection|Projections|RecommendationTexts)"))
    static class JustTheProjections {
    }

    private TheProjections() {
    }

    /** A context of the projections only; close it when done. */
    public static AnnotationConfigApplicationContext context() {
        return new AnnotationConfigApplicationContext(JustTheProjections.class);
    }

    /** The projections, in their order. */
    public static Projections all() {
        try (AnnotationConfigApplicationContext context = context()) {
            return context.getBean(Projections.class);
        }
    }
}
