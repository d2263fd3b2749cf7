package org.followuptracker.query.recommendation;

import org.followuptracker.query.projection.Projection;

/** The board's projection, for tests of projections in other packages that read what it keeps. */
public final class BoardProjectionFactory {

    private BoardProjectionFactory() {
    }

    public static Projection boardProjection() {
        return new BoardProjection();
    }
}
