package org.followuptracker.web.recording;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The letter form: the letter itself; the recommendations already known that it urges again (picked by search);
 * and new ones, each with one UN source (symbol, paragraph, recommending states).
 */
public class LetterForm extends RecordingForm {

    private String country;
    private String reference;
    private String sentOn;
    private String sender;
    private String recipient;
    private String subject;
    private String copiedTo;
    private String responseDueBy;
    private String source;
    private String search;
    private List<String> picked = new ArrayList<>();
    private List<NewRecommendation> newRecommendations = new ArrayList<>(List.of(new NewRecommendation()));

    /** A new recommendation the letter brings. */
    public static class NewRecommendation {
        private String text;
        private String mechanism;
        private String symbol;
        private String paragraph;
        private String recommendingStates;
        private String themes;

        boolean isBlank() {
            return value(text) == null && value(symbol) == null && value(paragraph) == null
                    && value(recommendingStates) == null && value(themes) == null;
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("text", value(text));
            if (value(mechanism) != null) {
                body.put("mechanism", value(mechanism));
            }
            if (value(symbol) != null || value(paragraph) != null || value(recommendingStates) != null) {
                Map<String, Object> unSource = new LinkedHashMap<>();
                unSource.put("symbol", value(symbol));
                unSource.put("paragraph", value(paragraph));
                unSource.put("recommendingStates", items(recommendingStates, ","));
                body.put("sources", List.of(unSource));
            }
            body.put("themes", items(themes, ","));
            return body;
        }

        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public String getMechanism() { return mechanism; }
        public void setMechanism(String mechanism) { this.mechanism = mechanism; }
        public String getSymbol() { return symbol; }
        public void setSymbol(String symbol) { this.symbol = symbol; }
        public String getParagraph() { return paragraph; }
        public void setParagraph(String paragraph) { this.paragraph = paragraph; }
        public String getRecommendingStates() { return recommendingStates; }
        public void setRecommendingStates(String recommendingStates) { this.recommendingStates = recommendingStates; }
        public String getThemes() { return themes; }
        public void setThemes(String themes) { this.themes = themes; }
    }

    /**
     * The body of {@code POST /api/letters}, and for each of its recommendations the form field it came from
     * ({@code picked}, or {@code newRecommendations[i]}), to put the service's messages beside the right field.
     */
    record Request(Map<String, Object> body, List<String> fieldOfRecommendation) {
    }

    Request request() {
        List<Map<String, Object>> recommendations = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (String id : picked) {
            if (value(id) != null) {
                recommendations.add(Map.of("recommendationId", id.strip()));
                fields.add("picked");
            }
        }
        for (int i = 0; i < newRecommendations.size(); i++) {
            if (!newRecommendations.get(i).isBlank()) {
                recommendations.add(newRecommendations.get(i).body());
                fields.add("newRecommendations[" + i + "]");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", value(country) == null ? null : value(country).toUpperCase(java.util.Locale.ROOT));
        body.put("reference", value(reference));
        body.put("sentOn", value(sentOn));
        body.put("sender", value(sender));
        body.put("recipient", value(recipient));
        body.put("subject", value(subject));
        body.put("copiedTo", items(copiedTo, "\n"));
        body.put("responseDueBy", value(responseDueBy));
        body.put("recommendations", recommendations);
        body.put("source", value(source));
        return new Request(body, fields);
    }

    /** The form's field for one the service named: {@code recommendations[2].sources[0].symbol} → the new one's symbol. */
    static String fieldOfForm(String field, List<String> fieldOfRecommendation) {
        java.util.regex.Matcher item = java.util.regex.Pattern.compile("recommendations\\[(\\d+)](.*)").matcher(field);
        if (item.matches()) {
            int index = Integer.parseInt(item.group(1));
            if (index >= fieldOfRecommendation.size()) {
                return "recommendations";
            }
            String formField = fieldOfRecommendation.get(index);
            if (formField.equals("picked")) {
                return "picked";
            }
            String rest = item.group(2);
            String part = rest.contains("symbol") ? "symbol" : rest.contains("paragraph") ? "paragraph"
                    : rest.contains("recommendingStates") ? "recommendingStates" : rest.contains("themes") ? "themes"
                    : rest.contains("mechanism") ? "mechanism" : "text";
            return formField + "." + part;
        }
        return field.replaceAll("\\[\\d+]$", "");
    }

    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getSentOn() { return sentOn; }
    public void setSentOn(String sentOn) { this.sentOn = sentOn; }
    public String getSender() { return sender; }
    public void setSender(String sender) { this.sender = sender; }
    public String getRecipient() { return recipient; }
    public void setRecipient(String recipient) { this.recipient = recipient; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getCopiedTo() { return copiedTo; }
    public void setCopiedTo(String copiedTo) { this.copiedTo = copiedTo; }
    public String getResponseDueBy() { return responseDueBy; }
    public void setResponseDueBy(String responseDueBy) { this.responseDueBy = responseDueBy; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public List<String> getPicked() { return picked; }
    public void setPicked(List<String> picked) { this.picked = picked == null ? new ArrayList<>() : picked; }
    public List<NewRecommendation> getNewRecommendations() { return newRecommendations; }
    public void setNewRecommendations(List<NewRecommendation> newRecommendations) {
        this.newRecommendations = newRecommendations == null ? new ArrayList<>() : newRecommendations;
    }
}
