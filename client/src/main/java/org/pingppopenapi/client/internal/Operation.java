package org.pingppopenapi.client.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.pingppopenapi.client.ApiException;
import org.pingppopenapi.client.Page;

/**
 * What the requestor needs to know of one operation of the spec, written out by the generator: its method and path,
 * which arguments are required, and how to read its answer (a model, nothing, or a page of a cursor or numbered
 * list). Immutable.
 *
 * @param <T> what the call returns
 */
public final class Operation<T> {

    static final String STARTING_AFTER = "starting_after";
    static final String ENDING_BEFORE = "ending_before";
    static final String PAGE = "page";
    private static final String APP_SCOPE = "/v1/apps/{app_id}/";

    /** Reads a 2xx body; {@code fetch} calls the same operation again with another query (for the next page). */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(byte[] body, Query query, Function<Query, T> fetch) throws IOException;
    }

    final String id;
    final String method;
    final String path;
    /** The path segments after the base URL; a null entry is filled by the next path argument. */
    final String[] segments;
    /** The spec's name of each path argument, in order. */
    final String[] pathArguments;
    /** Whether the path starts with {@code /v1/apps/{app_id}/}: the app comes from the call's options. */
    final boolean appScoped;
    /** The segment filled with the app, or -1. */
    final int appSegment;
    final boolean takesBody;
    final boolean bodyRequired;
    final String[] requiredQuery;
    final String[] requiredQuerySetters;
    final boolean idempotent;
    /** What the answer is read as, for messages: {@code Charge}. */
    final String answer;
    final Decoder<T> decoder;

    private Operation(Builder builder, String answer, Decoder<T> decoder) {
        this.id = builder.id;
        this.method = builder.method;
        this.path = builder.path;
        this.appScoped = builder.path.startsWith(APP_SCOPE);
        this.appSegment = appScoped ? 2 : -1;
        List<String> segments = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        String[] parts = builder.path.substring(1).split("/");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                segments.add(null);
                if (i != appSegment) {
                    arguments.add(part.substring(1, part.length() - 1));
                }
            } else {
                segments.add(part);
            }
        }
        this.segments = segments.toArray(String[]::new);
        this.pathArguments = arguments.toArray(String[]::new);
        this.takesBody = builder.takesBody;
        this.bodyRequired = builder.bodyRequired;
        this.requiredQuery = builder.requiredQuery.toArray(String[]::new);
        this.requiredQuerySetters = builder.requiredQuerySetters.toArray(String[]::new);
        this.idempotent = RetryPolicy.isIdempotent(method);
        this.answer = answer;
        this.decoder = decoder;
    }

    public static Builder builder(String id, String method, String path) {
        return new Builder(id, method, path);
    }

    public String id() {
        return id;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    @Override
    public String toString() {
        return id + " (" + method + " " + path + ")";
    }

    /** Describes an operation; the last call says what it answers and makes the {@link Operation}. */
    public static final class Builder {

        private final String id;
        private final String method;
        private final String path;
        private boolean takesBody;
        private boolean bodyRequired;
        private final List<String> requiredQuery = new ArrayList<>();
        private final List<String> requiredQuerySetters = new ArrayList<>();

        private Builder(String id, String method, String path) {
            this.id = Objects.requireNonNull(id);
            this.method = Objects.requireNonNull(method);
            this.path = Objects.requireNonNull(path);
        }

        /** The operation takes a JSON body. */
        public Builder body(boolean required) {
            this.takesBody = true;
            this.bodyRequired = required;
            return this;
        }

        /** A query parameter that must be given, and the params builder's method that sets it. */
        public Builder requiredQuery(String name, String setter) {
            requiredQuery.add(name);
            requiredQuerySetters.add(setter);
            return this;
        }

        /** Answers with a body read as {@code type}. */
        public <R> Operation<R> returns(Class<R> type) {
            ObjectReader reader = Json.MAPPER.readerFor(type);
            return new Operation<>(this, type.getSimpleName(), (body, query, fetch) -> read(reader, body));
        }

        /** Answers without a body (or with one the client ignores). */
        public Operation<Void> returnsNothing() {
            return new Operation<>(this, "nothing", (body, query, fetch) -> null);
        }

        /** Answers with a page of a cursor list: the next page starts after the id of the last object. */
        public <L, I> Operation<Page<I>> cursorPage(Class<L> list, Function<L, List<I>> data,
                Function<L, Boolean> hasMore, Function<I, String> id) {
            return paged(list, data, hasMore, (query, objects) -> {
                String cursor = query.first(STARTING_AFTER);
                String last = id.apply(objects.get(objects.size() - 1));
                return () -> {
                    if (query.has(ENDING_BEFORE)) {
                        throw new IllegalArgumentException("Paging moves forward with starting_after; list without"
                                + " ending_before to page through the rest");
                    }
                    if (last == null || last.equals(cursor)) {
                        throw new ApiException("Cannot page further: the list has more objects, but the last one"
                                + (last == null ? " has no id" : " is the cursor of the page itself (" + last + ")"),
                                null, null);
                    }
                    return query.with(STARTING_AFTER, last);
                };
            });
        }

        /** Answers with a page of a numbered list: the next page is {@code page + 1}. */
        public <L, I> Operation<Page<I>> numberedPage(Class<L> list, Function<L, List<I>> data,
                Function<L, Boolean> hasMore) {
            return paged(list, data, hasMore, (query, objects) -> {
                String given = query.first(PAGE);
                int number = given != null ? Integer.parseInt(given) : 1;
                return () -> query.with(PAGE, Integer.toString(number + 1));
            });
        }

        /**
         * A page of a list: its objects, and, when the API has more, the query of the next page (given the query and
         * the objects of this one), fetched only when asked for.
         */
        private <L, I> Operation<Page<I>> paged(Class<L> list, Function<L, List<I>> data, Function<L, Boolean> hasMore,
                BiFunction<Query, List<I>, Supplier<Query>> nextQuery) {
            ObjectReader reader = Json.MAPPER.readerFor(list);
            return new Operation<>(this, list.getSimpleName(), (body, query, fetch) -> {
                L envelope = read(reader, body);
                List<I> objects = objects(data.apply(envelope));
                Supplier<Page<I>> next = null;
                if (Boolean.TRUE.equals(hasMore.apply(envelope)) && !objects.isEmpty()) {
                    Supplier<Query> following = nextQuery.apply(query, objects);
                    next = () -> fetch.apply(following.get());
                }
                return Page.of(objects, envelope, next);
            });
        }

        private static <R> R read(ObjectReader reader, byte[] body) throws IOException {
            if (body.length == 0) {
                throw new IOException("the body is empty");
            }
            R value = reader.readValue(body);
            if (value == null) {
                throw new IOException("the body is JSON null");
            }
            return value;
        }

        private static <I> List<I> objects(List<I> data) {
            return data == null ? List.of() : data.stream().filter(Objects::nonNull).toList();
        }
    }
}
