package org.followuptracker.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.Position;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationNotImplemented;
import org.followuptracker.events.RecommendationPartiallyImplemented;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.events.TrackerEvent;
import org.followuptracker.events.UnSource;

/**
 * Seeded, realistic histories of correspondence: 193 countries with a long tail (a few countries get most letters),
 * one country ({@link #BIG_COUNTRY}) with well over 10,000 timeline entries, letters urging 1 to 20
 * recommendations (some new, with UN sources; most urged before), about half answered with positions, follow-ups,
 * findings and corrections mixed in. The same seed gives the same histories.
 */
final class DataSet {

    static final String BIG_COUNTRY = "KAZ";
    static final int COUNTRIES = 193;
    private static final LocalDate FIRST_DAY = LocalDate.of(2008, 1, 1);
    private static final int DAYS = 6500;

    /** One event of an aggregate, with its id and its place in that aggregate's history. */
    record Generated(String eventId, String aggregateType, String aggregateId, long sequence, TrackerEvent event) {
    }

    private final Random random;
    private final List<String> countries;
    private final double[] cumulativeWeights;
    private final List<List<String>> recommendationsByCountry = new ArrayList<>();
    private final java.util.Map<String, long[]> nextSequence = new java.util.HashMap<>();

    DataSet(long seed) {
        this.random = new Random(seed);
        List<String> codes = new ArrayList<>(List.of(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3)
                .toArray(String[]::new)));
        codes.sort(null);
        codes.remove(BIG_COUNTRY);
        java.util.Collections.shuffle(codes, new Random(seed));
        countries = new ArrayList<>();
        countries.add(BIG_COUNTRY);
        countries.addAll(codes.subList(0, COUNTRIES - 1));
        // A long tail: the k-th country gets weight 1/k^0.6 (the busiest about 5% of the letters).
        cumulativeWeights = new double[COUNTRIES];
        double sum = 0;
        for (int k = 0; k < COUNTRIES; k++) {
            sum += 1 / Math.pow(k + 1, 0.6);
            cumulativeWeights[k] = sum;
        }
        for (int k = 0; k < COUNTRIES; k++) {
            cumulativeWeights[k] /= sum;
            recommendationsByCountry.add(new ArrayList<>());
        }
    }

    List<String> countries() {
        return countries;
    }

    /**
     * Generates about {@code events} events, then stops at the end of a letter's story, handing each to {@code sink}
     * in the order they happen within each aggregate. At least {@code bigCountryLetters} letters go to
     * {@link #BIG_COUNTRY}, first.
     *
     * @return the number of events generated
     */
    long generate(long events, int bigCountryLetters, Consumer<Generated> sink) {
        long generated = 0;
        int letters = 0;
        while (generated < events) {
            int country = letters < bigCountryLetters ? 0 : pickCountry();
            generated += letterStory(country, sink);
            letters++;
        }
        return generated;
    }

    private int letterStory(int countryIndex, Consumer<Generated> sink) {
        String country = countries.get(countryIndex);
        List<String> known = recommendationsByCountry.get(countryIndex);
        int urged = 1 + (int) Math.min(19, Math.floor(-Math.log(1 - random.nextDouble()) * 4));
        int count = 0;
        LocalDate sentOn = FIRST_DAY.plusDays(random.nextInt(DAYS));
        List<String> recommendationIds = new ArrayList<>();
        for (int i = 0; i < urged; i++) {
            if (known.size() > 20 && random.nextDouble() < 0.8) {
                String again = known.get(random.nextInt(known.size()));
                if (!recommendationIds.contains(again)) {
                    recommendationIds.add(again);
                }
                continue;
            }
            String recommendationId = UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString();
            Mechanism mechanism = Mechanism.values()[random.nextInt(Mechanism.values().length)];
            sink.accept(next("Recommendation", recommendationId, new RecommendationRecorded(recommendationId, country,
                    "Ratify the Optional Protocol " + random.nextInt(100_000) + " and report on its implementation",
                    mechanism, List.of(new UnSource("A/HRC/" + (10 + random.nextInt(40)) + "/" + random.nextInt(20),
                            (90 + random.nextInt(10)) + "." + random.nextInt(200), List.of("Australia"))),
                    List.of("treaties"), random.nextBoolean() ? sentOn.minusDays(random.nextInt(700)) : null)));
            count++;
            known.add(recommendationId);
            recommendationIds.add(recommendationId);
        }
        String letterId = UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString();
        LocalDate dueBy = random.nextBoolean() ? sentOn.plusDays(30 + random.nextInt(60)) : null;
        sink.accept(next("Letter", letterId, new LetterSent(letterId, country, "REF " + random.nextInt(1_000_000),
                sentOn, "Amnesty International", "Minister of Foreign Affairs", "Our concerns " + random.nextInt(1000),
                List.of("Permanent Mission in Geneva"), dueBy, recommendationIds)));
        count++;
        if (random.nextDouble() < 0.3) {
            sink.accept(next("Letter", letterId, new FollowUpSent(letterId, uuid(), country,
                    sentOn.plusDays(20 + random.nextInt(40)), "We have not yet received your answer",
                    sentOn.plusDays(90 + random.nextInt(60)))));
            count++;
        }
        if (random.nextDouble() < 0.5) {
            List<PositionTaken> positions = new ArrayList<>();
            for (String recommendationId : recommendationIds) {
                if (random.nextDouble() < 0.6) {
                    positions.add(new PositionTaken(recommendationId,
                            Position.values()[random.nextInt(Position.values().length)]));
                }
            }
            String responseId = uuid();
            Generated response = next("Letter", letterId, new ResponseReceived(letterId, responseId, country,
                    sentOn.plusDays(10 + random.nextInt(120)), "Ministry of Foreign Affairs",
                    "The Ministry refers to its commitments", positions));
            sink.accept(response);
            count++;
            if (random.nextDouble() < 0.04) {
                // A correction: the response was logged against the wrong letter.
                sink.accept(next("Letter", letterId, new FactRetracted(letterId, country, response.eventId(),
                        "ResponseReceived", "logged against the wrong letter", sentOn.plusDays(200))));
                count++;
            }
        }
        if (random.nextDouble() < 0.3) {
            String recommendationId = recommendationIds.get(random.nextInt(recommendationIds.size()));
            LocalDate assessedOn = sentOn.plusDays(200 + random.nextInt(400));
            TrackerEvent finding = switch (random.nextInt(3)) {
                case 0 -> new RecommendationImplemented(recommendationId, country, assessedOn, "Ratified");
                case 1 -> new RecommendationPartiallyImplemented(recommendationId, country, assessedOn, "Signed");
                default -> new RecommendationNotImplemented(recommendationId, country, assessedOn, "Nothing done");
            };
            sink.accept(next("Recommendation", recommendationId, finding));
            count++;
        }
        return count;
    }

    private Generated next(String aggregateType, String aggregateId, TrackerEvent event) {
        long[] sequence = nextSequence.computeIfAbsent(aggregateId, id -> new long[1]);
        return new Generated(uuid(), aggregateType, aggregateId, sequence[0]++, event);
    }

    private int pickCountry() {
        double draw = random.nextDouble();
        for (int k = 0; k < COUNTRIES; k++) {
            if (draw <= cumulativeWeights[k]) {
                return k;
            }
        }
        return COUNTRIES - 1;
    }

    private String uuid() {
        return UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString();
    }

    private static byte[] longBytes(long value) {
        return java.nio.ByteBuffer.allocate(8).putLong(value).array();
    }
}
