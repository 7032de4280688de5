package org.pingppopenapi.spec;

/**
 * One breach of a rule, located by JSON Pointer into the spec document.
 *
 * @param pointer where in the document, e.g. {@code /paths/~1v1~1charges/post/responses/200}
 * @param message what is wrong and, where it is not obvious, what the rule expects instead
 */
record Violation(String pointer, String message) {

    @Override
    public String toString() {
        return pointer + ": " + message;
    }
}
