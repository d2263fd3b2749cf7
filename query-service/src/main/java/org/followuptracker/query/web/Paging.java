package org.followuptracker.query.web;

import java.util.List;

/** Which page of a list a reader asked for: {@code page} from 0, {@code size} up to {@value #MAX_SIZE}. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new InvalidParameterException("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidParameterException("size", "must be between 1 and " + MAX_SIZE);
        }
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> List<T> slice(List<T> all) {
        if (offset() >= all.size()) {
            return List.of();
        }
        return all.subList((int) offset(), (int) Math.min(all.size(), offset() + size));
    }
}
