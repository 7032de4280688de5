package org.pingppopenapi.client;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every object of a list operation, fetched page by page as iteration reaches it. Nothing is fetched before
 * iteration starts; each {@link #iterator()} (and each {@link #stream()}) starts again from the first page.
 * A page that fails to load throws the client's usual exceptions from {@code hasNext()}/{@code next()}.
 *
 * <pre>{@code
 * for (Charge charge : client.autoPaging().charges(new ListChargesQueryParams().appId(appId))) { ... }
 * long paid = client.autoPaging().charges(query).stream().filter(Charge::getPaid).count();
 * }</pre>
 *
 * @param <T> the objects listed
 */
public final class PagedIterable<T> implements Iterable<T> {

    private final Supplier<Iterator<T>> iterators;

    PagedIterable(Supplier<Iterator<T>> iterators) {
        this.iterators = iterators;
    }

    @Override
    public Iterator<T> iterator() {
        return iterators.get();
    }

    /** The objects as a sequential, lazily fetched stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
