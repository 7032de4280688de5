package org.pingppopenapi.prism;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Just enough HTTP to talk to the tiny spec's POST /charges. */
final class ChargesClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI baseUri;

    ChargesClient(URI baseUri) {
        this.baseUri = baseUri;
    }

    HttpResponse<String> createCharge(String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/charges"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
