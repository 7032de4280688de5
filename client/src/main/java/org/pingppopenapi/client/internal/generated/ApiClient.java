package org.pingppopenapi.client.internal.generated;

/**
 * Hand-written stand-in for the {@code ApiClient} the generator would write into this package.
 *
 * <p>The generated API interfaces extend {@code ApiClient.Api}, a marker, and nothing else of the generator's
 * {@code ApiClient} is used: that class wires Feign's default retryer (which resends POSTs after an I/O error), a
 * process-wide OkHttp client and no error decoder. The build therefore generates only the supporting files the
 * interfaces need (see {@code supportingFilesToGenerate} in the POM), and {@code PingppClient} builds Feign itself.
 */
public final class ApiClient {

    private ApiClient() {
    }

    /** The marker every generated API interface extends. */
    public interface Api {
    }
}
