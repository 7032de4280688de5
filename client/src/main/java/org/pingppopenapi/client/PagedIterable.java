package org.pingppopenapi.client;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every object of a list from one page on ({@link Page#autoPaging()}), each later page fetched as iteration reaches
 * it; each {@link #iterator()} (and each {@link #stream()}) starts again from that first page. A page that fails to
 * load throws the client's usual exceptions from {@code hasNext()}/{@code next()}.
 *
 * <pre>{@code
 * for (Charge charge : client.charges().list(params).autoPaging()) { ... }
 * long paid = client.charges().list(params).autoPaging().stream().filter(Charge::getPaid).count();
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
