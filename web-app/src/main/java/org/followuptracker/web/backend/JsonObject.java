package org.followuptracker.web.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of a service's answer, as the pages read it: a field the service left out (it omits nulls) reads
 * as null, as it would in JavaScript, instead of failing the page.
 */
public final class JsonObject extends LinkedHashMap<String, Object> {

    private JsonObject(Map<String, Object> fields) {
        super(fields);
    }

    /** Every field is there to read; those left out are null. */
    @Override
    public boolean containsKey(Object key) {
        return key instanceof String;
    }

    /** Objects, at any depth, become {@link JsonObject}s. */
    @SuppressWarnings("unchecked")
    public static Object of(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((name, field) -> fields.put((String) name, of(field)));
            return new JsonObject(fields);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(of(item)));
            return items;
        }
        return value;
    }
}
