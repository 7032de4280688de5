package org.pingppopenapi.client.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The query parameters of one call, as the wire names them ({@code app[id]}, {@code expand[]}), in order, a name
 * repeated for each value of a list. Values are sent as text: booleans as {@code true}/{@code false}, numbers in
 * decimal. Immutable.
 */
public final class Query {

    public static final Query EMPTY = new Query(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;

    private Query(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    boolean has(String name) {
        return first(name) != null;
    }

    /** The first value of a parameter, or null. */
    String first(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    /** This query with one value for {@code name}, in place of any it had. */
    Query with(String name, String value) {
        Builder builder = new Builder();
        boolean replaced = false;
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equals(name)) {
                builder.add(names[i], values[i]);
            } else if (!replaced) {
                builder.add(name, value);
                replaced = true;
            }
        }
        if (!replaced) {
            builder.add(name, value);
        }
        return builder.build();
    }

    void appendTo(HttpUrl.Builder url) {
        for (int i = 0; i < names.length; i++) {
            url.addQueryParameter(names[i], values[i]);
        }
    }

    boolean isEmpty() {
        return names.length == 0;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            text.append(i == 0 ? "" : "&").append(names[i]).append('=').append(values[i]);
        }
        return text.toString();
    }

    /** Collects the parameters of a call; an unset (null) value is left out. */
    public static final class Builder {

        private final List<String> names = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        private Builder() {
        }

        public Builder add(String name, Object value) {
            if (value != null) {
                names.add(name);
                values.add(value.toString());
            }
            return this;
        }

        /** One parameter per value; nothing for a null or empty list. */
        public Builder addAll(String name, Collection<?> values) {
            if (values != null) {
                values.forEach(value -> add(name, value));
            }
            return this;
        }

        public Query build() {
            return names.isEmpty() ? EMPTY : new Query(names.toArray(String[]::new), values.toArray(String[]::new));
        }
    }
}
