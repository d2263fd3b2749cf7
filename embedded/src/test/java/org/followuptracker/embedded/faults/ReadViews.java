package org.followuptracker.embedded.faults;

import java.util.LinkedHashMap;
import java.util.Map;
import org.followuptracker.embedded.HttpService;

/** What readers see: every view of every country of the workload, as the query service answers it. */
final class ReadViews {

    private ReadViews() {
    }

    /** Each view's answer by its path, to compare before and after a fault. */
    static Map<String, String> snapshot(HttpService queryService) {
        Map<String, String> views = new LinkedHashMap<>();
        for (String country : Workload.COUNTRIES) {
            read(queryService, views, "/api/countries/" + country + "/timeline?size=500");
            read(queryService, views, "/api/recommendations?country=" + country + "&size=500");
            read(queryService, views, "/api/audit?country=" + country + "&format=json");
        }
        read(queryService, views, "/api/letters/awaiting?size=500");
        read(queryService, views, "/api/countries?size=500");
        read(queryService, views, "/api/audit/verification");
        return views;
    }

    private static void read(HttpService queryService, Map<String, String> views, String path) {
        Http.Answer answer = Http.get(queryService, path, "admin");
        views.put(path, answer.status() + " " + (answer.ok() ? answer.json().toString() : answer.body()));
    }
}
