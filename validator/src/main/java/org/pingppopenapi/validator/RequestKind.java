package org.pingppopenapi.validator;

import java.util.Objects;
import org.pingppopenapi.spec.RequestKinds;
import org.pingppopenapi.validator.internal.KindIndex;

/**
 * A kind of request body the validator checks. The spec defines them: every schema an operation takes as its JSON
 * body is one kind, named after the first such operation ({@code createCharge}: {@code charge}, {@code payOrder}:
 * {@code order-pay}; the rule is in the spec's {@code info.description}, "Request kinds"). The names are those of
 * the command line; {@link PingppValidator#kinds()} lists the kinds of a validator's spec.
 *
 * <p>A kind is a name and nothing else, so {@code RequestKind.named("charge")} works with every validator whose
 * spec has a {@code charge} kind; validating with a kind the spec lacks is an {@link IllegalArgumentException} that
 * lists the kinds it has. Kinds are equal when their names are; keep the ones you use in constants.
 */
public final class RequestKind implements Comparable<RequestKind> {

    private final String name;
    /** The name's {@link KindIndex} number, which engines index their kinds by. */
    final int index;

    private RequestKind(String name) {
        this.name = name;
        this.index = KindIndex.of(name);
    }

    /**
     * The kind called {@code name}, such as {@code charge-refund}.
     *
     * @throws IllegalArgumentException when {@code name} is not lower-case words of letters and digits joined by
     *                                  {@code -} (no spec can have such a kind)
     */
    public static RequestKind named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.length() > 100 || !RequestKinds.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a request kind name: lower-case words of letters and digits joined by '-', "
                    + "such as charge or order-pay");
        }
        return new RequestKind(name);
    }

    /** The name, as the command line and the spec's naming rule spell it, such as {@code order-pay}. */
    public String name() {
        return name;
    }

    @Override
    public int compareTo(RequestKind other) {
        return name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestKind kind && kind.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
