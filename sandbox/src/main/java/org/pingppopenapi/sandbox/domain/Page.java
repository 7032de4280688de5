package org.pingppopenapi.sandbox.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One page of a list, newest first, and whether more objects follow it in the direction it was fetched.
 */
public record Page<T>(List<T> items, boolean hasMore) {

    public <R> List<R> map(Function<? super T, R> mapper) {
        return items.stream().map(mapper).toList();
    }

    /**
     * Cursor pagination (charges, refunds, events): {@code limit} objects after {@code startingAfter}, or the
     * {@code limit} objects just before {@code endingBefore}, or the newest ones. A cursor must be the id of an
     * object of the same list; it need not pass the filter itself.
     */
    public static <T extends Listed> Page<T> byCursor(Timeline<T> timeline, Predicate<? super T> filter, int limit,
            String startingAfter, String endingBefore, String objectName) {
        if (startingAfter != null && endingBefore != null) {
            throw Errors.invalid("ending_before", "Use starting_after or ending_before, not both.");
        }
        if (endingBefore != null) {
            T cursor = cursor(timeline, endingBefore, "ending_before", objectName);
            List<T> nearestFirst = timeline.newerThan(cursor.position()).filter(filter).limit(limit + 1L).toList();
            boolean hasMore = nearestFirst.size() > limit;
            List<T> page = new ArrayList<>(nearestFirst.subList(0, Math.min(limit, nearestFirst.size())));
            Collections.reverse(page);
            return new Page<>(List.copyOf(page), hasMore);
        }
        Stream<T> candidates = startingAfter == null ? timeline.newestFirst()
                : timeline.olderThan(cursor(timeline, startingAfter, "starting_after", objectName).position());
        return firstOf(candidates.filter(filter), limit);
    }

    /** Page pagination (account-system lists): page {@code page} (from 1) of {@code perPage} objects. */
    public static <T> Page<T> byNumber(Stream<T> newestFirst, int page, int perPage) {
        return firstOf(newestFirst.skip((long) (page - 1) * perPage), perPage);
    }

    private static <T> Page<T> firstOf(Stream<T> objects, int limit) {
        List<T> oneMore = objects.limit(limit + 1L).toList();
        boolean hasMore = oneMore.size() > limit;
        return new Page<>(hasMore ? oneMore.subList(0, limit) : oneMore, hasMore);
    }

    private static <T extends Listed> T cursor(Timeline<T> timeline, String id, String param, String objectName) {
        return timeline.find(id).orElseThrow(() -> Errors.invalid(param, "No such " + objectName + ": " + id));
    }
}
