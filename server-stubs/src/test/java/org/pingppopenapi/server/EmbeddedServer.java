package org.pingppopenapi.server;

import java.net.URI;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** A Jersey application on Grizzly, listening on a free port of 127.0.0.1 until closed. */
final class EmbeddedServer implements AutoCloseable {

    private final HttpServer server;
    private final URI baseUri;

    private EmbeddedServer(HttpServer server, URI baseUri) {
        this.server = server;
        this.baseUri = baseUri;
    }

    static EmbeddedServer start(PingppProviders providers, List<Object> resources) {
        ResourceConfig application = new ResourceConfig().register(providers);
        resources.forEach(application::register);
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), application, true);
        NetworkListener listener = server.getListeners().iterator().next();
        return new EmbeddedServer(server, URI.create("http://127.0.0.1:" + listener.getPort()));
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    URI baseUri() {
        return baseUri;
    }

    URI uri(String pathAndQuery) {
        return URI.create(baseUri + pathAndQuery);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
