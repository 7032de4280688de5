package org.pingppopenapi.sandbox.domain;

/** An object that appears in lists. */
public interface Listed {

    String id();

    Position position();

    default long created() {
        return position().created();
    }
}
