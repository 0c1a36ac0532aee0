package io.renlayer.core.paging;

import io.renlayer.core.errors.InvalidRequestException;

/** One page of a list: at most {@code limit} items after {@code cursor} (null: from the newest). */
public record PageRequest(int limit, Cursor cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(Integer limit, String cursor) {
        int checked = limit == null ? DEFAULT_LIMIT : limit;
        if (checked < 1 || checked > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(checked, Cursor.decode(cursor));
    }

    /** One more row than the page holds is fetched, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }
}
