package org.pingppopenapi.client.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.pingppopenapi.client.ApiException;
import org.pingppopenapi.client.internal.generated.EncodingUtils;

/**
 * Lazy iterators over the two kinds of Ping++ lists, driven by the generated query-map classes (maps from query key
 * to encoded value) and list models.
 *
 * <p>Both stop at a page with {@code has_more} false or no objects. A list that claims more objects but would
 * repeat a page (the same cursor twice) fails with {@link ApiException} instead of looping.
 */
public final class Pages {

    static final String STARTING_AFTER = "starting_after";
    static final String ENDING_BEFORE = "ending_before";
    static final String PAGE = "page";

    private Pages() {
    }

    /**
     * How to fetch and read one list operation.
     *
     * @param newQuery a new, empty query map of the operation's generated query class
     * @param fetch    calls the operation
     * @param data     the objects of a page
     * @param hasMore  the page's {@code has_more}
     * @param <Q>      the generated query class
     * @param <L>      the generated list model
     * @param <T>      the objects listed
     */
    public record Listing<Q extends Map<String, Object>, L, T>(
            Supplier<Q> newQuery, Function<Q, L> fetch, Function<L, List<T>> data, Function<L, Boolean> hasMore) {
    }

    /** Cursor pagination ({@code starting_after} = the id of the last object of the previous page). */
    public static <Q extends Map<String, Object>, L, T> Iterator<T> byCursor(
            Listing<Q, L, T> listing, Map<String, Object> filters, Function<T, String> id) {
        Map<String, Object> query = filters != null ? filters : Map.of();
        if (query.get(ENDING_BEFORE) != null) {
            throw new IllegalArgumentException("Auto-paging moves forward with starting_after; remove ending_before");
        }
        return new PageIterator<T>() {
            private String cursor = decoded(query.get(STARTING_AFTER));

            @Override
            Page<T> fetchNext() {
                Q page = copy(listing, query);
                if (cursor != null) {
                    page.put(STARTING_AFTER, EncodingUtils.encode(cursor));
                }
                L list = listing.fetch().apply(page);
                List<T> objects = objectsOf(listing, list);
                boolean more = Boolean.TRUE.equals(listing.hasMore().apply(list)) && !objects.isEmpty();
                if (more) {
                    String next = id.apply(objects.get(objects.size() - 1));
                    if (next == null || next.equals(cursor)) {
                        throw new ApiException("Cannot page further: the list has more objects, but the last one"
                                + (next == null ? " has no id" : " is the cursor of the page itself (" + next + ")"),
                                null, null);
                    }
                    cursor = next;
                }
                return new Page<>(objects, more);
            }
        };
    }

    /** Page pagination ({@code page} = 1, 2, ... from the query's own {@code page}, if any). */
    public static <Q extends Map<String, Object>, L, T> Iterator<T> byPageNumber(
            Listing<Q, L, T> listing, Map<String, Object> filters) {
        Map<String, Object> query = filters != null ? filters : Map.of();
        Object given = decoded(query.get(PAGE));
        int first = given != null ? Integer.parseInt(given.toString()) : 1;
        return new PageIterator<T>() {
            private int number = first;

            @Override
            Page<T> fetchNext() {
                Q page = copy(listing, query);
                page.put(PAGE, EncodingUtils.encode(number));
                L list = listing.fetch().apply(page);
                List<T> objects = objectsOf(listing, list);
                number++;
                return new Page<>(objects, Boolean.TRUE.equals(listing.hasMore().apply(list)) && !objects.isEmpty());
            }
        };
    }

    private static <Q extends Map<String, Object>, L, T> Q copy(Listing<Q, L, T> listing, Map<String, Object> query) {
        Q copy = listing.newQuery().get();
        copy.putAll(query);
        return copy;
    }

    private static <Q extends Map<String, Object>, L, T> List<T> objectsOf(Listing<Q, L, T> listing, L list) {
        if (list == null) {
            throw new ApiException("The list operation answered without a list", null, null);
        }
        List<T> objects = listing.data().apply(list);
        return objects == null ? List.of() : objects.stream().filter(Objects::nonNull).toList();
    }

    /** The generated query classes store values URL-encoded; ids and page numbers have nothing to encode. */
    private static String decoded(Object value) {
        return value == null ? null : URLDecoder.decode(value.toString(), StandardCharsets.UTF_8);
    }

    private record Page<T>(List<T> objects, boolean more) {
    }

    private abstract static class PageIterator<T> implements Iterator<T> {

        private Iterator<T> current = Collections.emptyIterator();
        private boolean more = true;

        abstract Page<T> fetchNext();

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && more) {
                Page<T> page = fetchNext();
                current = page.objects().iterator();
                more = page.more();
            }
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
