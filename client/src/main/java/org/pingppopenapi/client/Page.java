package org.pingppopenapi.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One page of a list operation, and the way to the rest: {@link #nextPage()} fetches the next page, and
 * {@link #autoPaging()} iterates over this page's objects and then every later page's, fetching each as iteration
 * reaches it (with {@code starting_after} for cursor lists, the next {@code page} for numbered ones), with the same
 * query and options as this page.
 *
 * <pre>{@code
 * Page<Charge> page = client.charges().list(ListChargesParams.builder().appId(appId).limit(100).build());
 * for (Charge charge : page.autoPaging()) { ... }
 * }</pre>
 *
 * <p>Immutable. A page that fails to load throws the client's usual exceptions, from {@code nextPage()} or from the
 * iteration.
 *
 * @param <T> the objects listed
 */
public final class Page<T> {

    private final List<T> data;
    private final Object envelope;
    private final Supplier<Page<T>> next;

    private Page(List<T> data, Object envelope, Supplier<Page<T>> next) {
        this.data = data;
        this.envelope = envelope;
        this.next = next;
    }

    /**
     * A page of these objects. Also for stubbing a service in a test.
     *
     * @param data     the objects of the page
     * @param envelope the list model as read (such as {@code ChargeList}), or null
     * @param next     fetches the next page; null when there is none
     */
    public static <T> Page<T> of(List<T> data, Object envelope, Supplier<Page<T>> next) {
        return new Page<>(List.copyOf(Objects.requireNonNull(data, "data")), envelope, next);
    }

    /** The objects of this page, in the order the API sent them. */
    public List<T> data() {
        return data;
    }

    /** Whether the API has more objects after this page. */
    public boolean hasMore() {
        return next != null;
    }

    /**
     * Fetches the next page.
     *
     * @throws NoSuchElementException when this is the last page
     */
    public Page<T> nextPage() {
        if (next == null) {
            throw new NoSuchElementException("This is the last page");
        }
        return next.get();
    }

    /**
     * The list as the API sent it, as its model (for a field of the list itself), when it is one.
     *
     * <pre>{@code page.envelope(ChargeList.class).map(ChargeList::getUrl)}</pre>
     */
    public <L> Optional<L> envelope(Class<L> listModel) {
        return listModel.isInstance(envelope) ? Optional.of(listModel.cast(envelope)) : Optional.empty();
    }

    /**
     * This page's objects, then every later page's, fetched as iteration reaches them. Each iterator starts again
     * from this page (whose objects are already here) and fetches the later pages again.
     */
    public PagedIterable<T> autoPaging() {
        return new PagedIterable<>(() -> new Iterator<>() {
            private Iterator<T> current = data.iterator();
            private Supplier<Page<T>> following = next;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && following != null) {
                    Page<T> page = following.get();
                    current = page.data.iterator();
                    following = page.next;
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
        });
    }

    @Override
    public String toString() {
        return "Page[" + data.size() + " objects" + (next != null ? ", more" : "") + "]";
    }
}
