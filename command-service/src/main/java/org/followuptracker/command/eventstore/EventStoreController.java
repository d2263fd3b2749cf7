package org.followuptracker.command.eventstore;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.followuptracker.command.refusal.CommandRefusedException;
import org.followuptracker.events.Countries;
import org.followuptracker.events.CountryEventIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the event store, the source of truth, holds per country, for auditors: the query service compares its audit
 * chains with it. Each answer reads every stored event (a country is not a column of the store).
 */
@RestController
class EventStoreController {

    private final EventStoreCountries store;

    EventStoreController(EventStoreCountries store) {
        this.store = store;
    }

    @Operation(summary = "Per country: how many events the event store holds and their digest, SHA-256 over their "
            + "ids in ascending order, each followed by a line feed")
    @GetMapping("/api/audit/event-store/countries")
    Digests countries() {
        List<CountryDigest> countries = new ArrayList<>();
        store.eventIds(country -> true).forEach((country, ids) ->
                countries.add(new CountryDigest(country, ids.count(), ids.digest())));
        return new Digests(countries.stream().mapToLong(CountryDigest::events).sum(), countries);
    }

    @Operation(summary = "The ids of the events the event store holds for each country asked (repeat country=), "
            + "in ascending order")
    @GetMapping("/api/audit/event-store/event-ids")
    EventIds eventIds(@RequestParam(name = "country", required = false) List<String> asked) {
        if (asked == null || asked.isEmpty()) {
            throw new CommandRefusedException("country", "name at least one country, such as country=KAZ");
        }
        Set<String> wanted = new TreeSet<>();
        for (String country : asked) {
            if (!Countries.isIso3(country)) {
                throw new CommandRefusedException("country",
                        "must be an ISO 3166-1 alpha-3 country code in capitals, such as KAZ");
            }
            wanted.add(country);
        }
        Map<String, CountryEventIds> found = store.eventIds(wanted::contains);
        List<CountryIds> countries = new ArrayList<>();
        for (String country : wanted) {
            List<String> listed = new ArrayList<>();
            if (found.containsKey(country)) {
                found.get(country).ascending().forEachRemaining(listed::add);
            }
            countries.add(new CountryIds(country, listed.size(), listed));
        }
        return new EventIds(countries);
    }

    record Digests(long events, List<CountryDigest> countries) {
    }

    record CountryDigest(String country, long events, String digest) {
    }

    record EventIds(List<CountryIds> countries) {
    }

    record CountryIds(String country, long events, List<String> eventIds) {
    }
}
