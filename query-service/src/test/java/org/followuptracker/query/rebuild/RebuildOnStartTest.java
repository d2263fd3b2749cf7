package org.followuptracker.query.rebuild;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.followuptracker.query.store.Generation;
import org.followuptracker.query.store.Generations;
import org.followuptracker.query.store.ReadModelLayout;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class RebuildOnStartTest {

    private final Generations generations = mock(Generations.class);
    private final Rebuilds rebuilds = mock(Rebuilds.class);

    @Test
    void withoutReadModelsTheFirstAreBuilt() {
        when(generations.live()).thenReturn(Optional.empty());

        new RebuildOnStart(generations, rebuilds).run(new DefaultApplicationArguments());

        verify(rebuilds).start(Rebuilds.FIRST_BUILD);
    }

    @Test
    void readModelsOfAnEarlierLayoutAreRebuilt() {
        when(generations.live()).thenReturn(Optional.of(new Generation(3)));
        when(generations.liveLayout()).thenReturn(ReadModelLayout.VERSION - 1);
        when(generations.liveHas("audit_heads")).thenReturn(true);
        when(generations.liveHas("topic_positions")).thenReturn(true);

        new RebuildOnStart(generations, rebuilds).run(new DefaultApplicationArguments());

        verify(rebuilds).start("read models of an earlier layout");
    }

    @Test
    void readModelsWrittenBeforeLayoutsHadVersionsAreRebuilt() {
        when(generations.live()).thenReturn(Optional.of(new Generation(3)));
        when(generations.liveLayout()).thenReturn(0);

        new RebuildOnStart(generations, rebuilds).run(new DefaultApplicationArguments());

        verify(rebuilds).start("read models of an earlier layout");
    }

    @Test
    void readModelsThatDoNotKeepWhereTheyStandOnTheTopicAreRebuilt() {
        when(generations.live()).thenReturn(Optional.of(new Generation(3)));
        when(generations.liveLayout()).thenReturn(ReadModelLayout.VERSION);
        when(generations.liveHas("audit_heads")).thenReturn(true);

        new RebuildOnStart(generations, rebuilds).run(new DefaultApplicationArguments());

        verify(rebuilds).start("read models of an earlier layout");
    }

    @Test
    void readModelsOfALaterLayoutAreLeftToTheVersionThatWritesThem() {
        when(generations.live()).thenReturn(Optional.of(new Generation(3)));
        when(generations.liveLayout()).thenReturn(ReadModelLayout.VERSION + 1);

        new RebuildOnStart(generations, rebuilds).run(new DefaultApplicationArguments());

        verify(rebuilds, never()).start(anyString());
    }

    @Test
    void readModelsOfThisLayoutAreNotRebuiltUnlessAsked() {
        when(generations.live()).thenReturn(Optional.of(new Generation(3)));
        when(generations.liveLayout()).thenReturn(ReadModelLayout.VERSION);
        when(generations.liveHas("audit_heads")).thenReturn(true);
        when(generations.liveHas("topic_positions")).thenReturn(true);

        new RebuildOnStart(generations, rebuilds).run(new DefaultApplicationArguments());
        verify(rebuilds, never()).start(anyString());

        new RebuildOnStart(generations, rebuilds).run(new DefaultApplicationArguments("--rebuild"));
        verify(rebuilds).start("--rebuild");
    }
}
