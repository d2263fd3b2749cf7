package org.followuptracker.web.recording;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The forms with a few plain fields: a follow-up (sentOn, summary, responseDueBy), a publication (publishedOn, url),
 * an implementation finding (status, assessedOn, evidence) and a correction (eventId, reason). Each field is sent as
 * typed, blank as missing.
 */
public class FactForm extends RecordingForm {

    private Map<String, String> fields = new LinkedHashMap<>();

    Map<String, Object> body(String... names) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String name : names) {
            body.put(name, value(fields.get(name)));
        }
        return body;
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public void setFields(Map<String, String> fields) {
        this.fields = fields == null ? new LinkedHashMap<>() : fields;
    }
}
