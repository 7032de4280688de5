package org.pingppopenapi.server.testclient;

/**
 * The marker type the generated Feign interfaces extend ({@code ChargesApi extends ApiClient.Api}). The generator's
 * own ApiClient is not generated: the tests build their Feign clients in {@code FeignClients}.
 */
public final class ApiClient {

    private ApiClient() {
    }

    /** Implemented by every generated API interface. */
    public interface Api {
    }
}
