package org.followuptracker.query.rebuild;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.followuptracker.query.readmodel.Generation;
import org.followuptracker.query.readmodel.Generations;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class RebuildOnStartTest {

    private final Generations generations = mock(Generations.class);
    private final Rebuilds rebuilds = mock(Rebuilds.class);

    @Test
    void readModelsThatKeepEachCountrysLettersInOneDocumentAreRebuilt() {
        when(generations.live()).thenReturn(Optional.of(new Generation(3)));
        when(generations.liveHas("letters")).thenReturn(true);

        new RebuildOnStart(generations, rebuilds).run(new DefaultApplicationArguments());

        verify(rebuilds).start("read models of an earlier layout");
    }

    @Test
    void readModelsThatKeepEachMonthOfATimelineInOneDocumentAreRebuilt() {
        when(generations.live()).thenReturn(Optional.of(new Generation(3)));
        when(generations.liveHas("timeline")).thenReturn(true);

        new RebuildOnStart(generations, rebuilds).run(new DefaultApplicationArguments());

        verify(rebuilds).start("read models of an earlier layout");
    }

    @Test
    void readModelsThatKeepTimelineMonthsInLargerPartsAreRebuilt() {
        when(generations.live()).thenReturn(Optional.of(new Generation(3)));
        when(generations.liveHas("timeline")).thenReturn(true);
        when(generations.liveHas("timeline_places")).thenReturn(true);
        when(generations.liveHasAny(eq("timeline"), any())).thenReturn(true);

        new RebuildOnStart(generations, rebuilds).run(new DefaultApplicationArguments());

        verify(rebuilds).start("read models of an earlier layout");
    }

    @Test
    void readModelsThatKeepTheBoardIndexesWholeAreRebuilt() {
        when(generations.live()).thenReturn(Optional.of(new Generation(3)));
        when(generations.liveHas("timeline")).thenReturn(true);
        when(generations.liveHas("timeline_places")).thenReturn(true);
        when(generations.liveHasAny(eq("board_index"), any())).thenReturn(true);

        new RebuildOnStart(generations, rebuilds).run(new DefaultApplicationArguments());

        verify(rebuilds).start("read models of an earlier layout");
    }

    @Test
    void readModelsOfThisLayoutAreNotRebuiltUnlessAsked() {
        when(generations.live()).thenReturn(Optional.of(new Generation(3)));
        when(generations.liveHas("timeline")).thenReturn(true);
        when(generations.liveHas("timeline_places")).thenReturn(true);

        new RebuildOnStart(generations, rebuilds).run(new DefaultApplicationArguments());
        verify(rebuilds, never()).start(anyString());

        new RebuildOnStart(generations, rebuilds).run(new DefaultApplicationArguments("--rebuild"));
        verify(rebuilds).start("--rebuild");
    }
}
