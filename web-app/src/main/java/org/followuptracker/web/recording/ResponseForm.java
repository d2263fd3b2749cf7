package org.followuptracker.web.recording;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A government's answer to a letter, with a position per urged recommendation (none where it took none). */
public class ResponseForm extends RecordingForm {

    private String receivedOn;
    private String from;
    private String summary;
    private String source;
    private Map<String, String> positions = new LinkedHashMap<>();

    /** The body, and the recommendation of each position sent, in order (the service names them by index). */
    record Request(Map<String, Object> body, List<String> recommendationOfPosition) {
    }

    Request request(List<String> urged) {
        List<Map<String, Object>> taken = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (String id : urged) {
            String position = value(positions.get(id));
            if (position != null) {
                taken.add(Map.of("recommendationId", id, "position", position));
                order.add(id);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receivedOn", value(receivedOn));
        body.put("from", value(from));
        body.put("summary", value(summary));
        body.put("positions", taken);
        body.put("source", value(source));
        return new Request(body, order);
    }

    static String fieldOfForm(String field, List<String> recommendationOfPosition) {
        java.util.regex.Matcher item = java.util.regex.Pattern.compile("positions\\[(\\d+)].*").matcher(field);
        if (item.matches() && Integer.parseInt(item.group(1)) < recommendationOfPosition.size()) {
            return "positions[" + recommendationOfPosition.get(Integer.parseInt(item.group(1))) + "]";
        }
        return field;
    }

    public String getReceivedOn() { return receivedOn; }
    public void setReceivedOn(String receivedOn) { this.receivedOn = receivedOn; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public Map<String, String> getPositions() { return positions; }
    public void setPositions(Map<String, String> positions) {
        this.positions = positions == null ? new LinkedHashMap<>() : positions;
    }
}
