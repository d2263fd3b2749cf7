package org.followuptracker.web.country;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followuptracker.web.backend.FactType;

/**
 * The latest letters of a country ({@link #SHOWN} of them), newest first: what each urged (each item with the position the government took on it
 * last, and its implementation), the answers and follow-ups it had, where it was published, and whether an answer is
 * still awaited.
 */
public final class LetterCards {

    /** How many letters get a card; the timeline's list pages through all of them. */
    public static final int SHOWN = 20;

    private LetterCards() {
    }

    /** The letters that get a card, newest first. */
    static List<Map<String, Object>> shown(List<Map<String, Object>> entries) {
        return entries.stream().filter(e -> FactType.LETTER_SENT.type().equals(e.get("type")))
                .sorted(Comparator.comparing((Map<String, Object> e) -> TimelinePicture.day(e)).reversed())
                .limit(SHOWN).toList();
    }

    /** The recommendations the shown letters urged. */
    @SuppressWarnings("unchecked")
    static List<String> urgedIds(List<Map<String, Object>> entries) {
        return shown(entries).stream()
                .flatMap(e -> ((List<String>) e.getOrDefault("recommendationIds", List.of())).stream())
                .distinct().toList();
    }

    public record Card(String letterId, Map<String, Object> letter, List<Map<String, Object>> urged,
            List<Map<String, Object>> responses, List<Map<String, Object>> followUps,
            List<Map<String, Object>> publications, Map<String, Object> awaiting) {
    }

    @SuppressWarnings("unchecked")
    public static List<Card> of(List<Map<String, Object>> entries, List<Map<String, Object>> openLetters,
            Map<String, Map<String, Object>> recommendations) {
        Map<String, Map<String, Object>> open = new LinkedHashMap<>();
        openLetters.forEach(letter -> open.put((String) letter.get("letterId"), letter));
        List<Card> cards = new ArrayList<>();
        for (Map<String, Object> entry : shown(entries)) {
            String letterId = (String) entry.get("letterId");
            List<Map<String, Object>> urged = new ArrayList<>();
            for (String id : (List<String>) entry.getOrDefault("recommendationIds", List.of())) {
                Map<String, Object> recommendation = recommendations.get(id);
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("recommendationId", id);
                item.put("text", recommendation == null ? "(no longer on the board)" : recommendation.get("text"));
                item.put("latestPosition", recommendation == null ? null : recommendation.get("latestPosition"));
                item.put("implementationStatus", recommendation == null ? null : recommendation.get("implementationStatus"));
                item.put("sources", recommendation == null ? List.of() : recommendation.get("sources"));
                urged.add(item);
            }
            List<Map<String, Object>> responses = of(entries, FactType.RESPONSE_RECEIVED, letterId);
            List<Map<String, Object>> followUps = of(entries, FactType.FOLLOW_UP_SENT, letterId);
            List<Map<String, Object>> publications = of(entries, FactType.LETTER_PUBLISHED, letterId);
            cards.add(new Card(letterId, entry, urged, responses, followUps, publications, open.get(letterId)));
        }
        return cards;
    }

    private static List<Map<String, Object>> of(List<Map<String, Object>> entries, FactType type, String letterId) {
        return entries.stream().filter(e -> type.type().equals(e.get("type")) && letterId.equals(e.get("letterId"))).toList();
    }
}
