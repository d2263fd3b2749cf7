package org.followuptracker.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One event of every type the contract permits, made from each record's components, so that a new event type is
 * covered without a list to update: a text is its component's name and place, the country is KAZ, a date is
 * 18 October 2012 plus the component's place in days, a list holds one element, an enum is its first constant.
 * Shared with the command service's tests through this module's test jar.
 */
public final class SampleEvents {

    private static final LocalDate FIRST_DAY = LocalDate.of(2012, 10, 18);

    private SampleEvents() {
    }

    public static List<TrackerEvent> oneOfEachType() {
        return Arrays.stream(TrackerEvent.class.getPermittedSubclasses())
                .map(type -> (TrackerEvent) sampleOf(type))
                .toList();
    }

    private static Object sampleOf(Class<?> recordType) {
        RecordComponent[] components = recordType.getRecordComponents();
        if (components == null) {
            throw new IllegalArgumentException(recordType.getSimpleName() + " is not a record: no sample for it");
        }
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = valueOf(components[i].getName(), components[i].getGenericType(), i);
        }
        try {
            return recordType.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + recordType.getSimpleName(), e);
        }
    }

    private static Object valueOf(String name, Type type, int place) {
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            return List.of(valueOf(name, generic.getActualTypeArguments()[0], place));
        }
        Class<?> plain = (Class<?>) type;
        if (plain == String.class) {
            return name.equals("country") ? "KAZ" : name + "-" + place;
        }
        if (plain == LocalDate.class) {
            return FIRST_DAY.plusDays(place);
        }
        if (plain.isEnum()) {
            return plain.getEnumConstants()[0];
        }
        if (plain.isRecord()) {
            return sampleOf(plain);
        }
        throw new IllegalArgumentException("no sample for " + name + " of type " + type.getTypeName());
    }
}
