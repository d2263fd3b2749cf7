package org.followuptracker.web.country;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each letter of a country, newest first: what it urged (each item with the position the government took on it
 * last, and its implementation), the answers and follow-ups it had, and whether an answer is still awaited.
 */
public final class LetterCards {

    private LetterCards() {
    }

    public record Card(String letterId, Map<String, Object> letter, List<Map<String, Object>> urged,
            List<Map<String, Object>> responses, List<Map<String, Object>> followUps, Map<String, Object> awaiting) {
    }

    @SuppressWarnings("unchecked")
    public static List<Card> of(List<Map<String, Object>> entries, List<Map<String, Object>> openLetters,
            Map<String, Map<String, Object>> recommendations) {
        Map<String, Map<String, Object>> open = new LinkedHashMap<>();
        openLetters.forEach(letter -> open.put((String) letter.get("letterId"), letter));
        List<Card> cards = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            if (!"LetterSent".equals(entry.get("type"))) {
                continue;
            }
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
            List<Map<String, Object>> responses = of(entries, "ResponseReceived", letterId);
            List<Map<String, Object>> followUps = of(entries, "FollowUpSent", letterId);
            cards.add(new Card(letterId, entry, urged, responses, followUps, open.get(letterId)));
        }
        cards.sort(Comparator.comparing((Card card) -> TimelinePicture.day(card.letter())).reversed());
        return cards;
    }

    private static List<Map<String, Object>> of(List<Map<String, Object>> entries, String type, String letterId) {
        return entries.stream().filter(e -> type.equals(e.get("type")) && letterId.equals(e.get("letterId"))).toList();
    }
}
