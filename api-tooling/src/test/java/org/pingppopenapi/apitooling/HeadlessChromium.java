package org.pingppopenapi.apitooling;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol with the JDK's own HTTP and WebSocket
 * client: one page to navigate, evaluate JavaScript in, and screenshot. No browser download, no driver.
 */
final class HeadlessChromium implements AutoCloseable {

    /** The executable: $PINGPP_CHROMIUM, as tools/ensure-chromium.sh, or Debian's /usr/bin/chromium. */
    static Path executable() {
        String override = System.getenv("PINGPP_CHROMIUM");
        return Path.of(override == null || override.isBlank() ? "/usr/bin/chromium" : override);
    }

    private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration STARTUP = Duration.ofSeconds(60);
    // Collecting every tag's headings scrolls the whole page several times; a loaded 2-core machine needs the room.
    private static final Duration CALL = Duration.ofSeconds(300);

    private final Process process;
    private final Path userDataDir;
    private final Deque<String> log = new ArrayDeque<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> awaitedEvents = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final WebSocket page;

    private HeadlessChromium(Path executable, int width, int height) throws IOException, InterruptedException {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is missing: the build installs it (tools/ensure-chromium.sh, "
                    + "execution ensure-chromium); run the tests through ./mvnw");
        }
        userDataDir = Files.createTempDirectory("pingpp-chromium-");
        // The flags known to work headless on these machines: no sandbox as root, no GPU, and nothing that
        // reaches for the network on its own (the machine's network is closed).
        List<String> command = List.of(executable.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + userDataDir, "--remote-debugging-port=0", "--hide-scrollbars",
                "--window-size=" + width + "," + height, "about:blank");
        process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        try {
            URI browser = awaitDevToolsUrl();
            page = connect(pageWebSocketUrl(browser));
            call("Page.enable", params());
            // The viewport exactly (--window-size sizes the window, which headless may trim for its frame).
            call("Emulation.setDeviceMetricsOverride", params().put("width", width).put("height", height)
                    .put("deviceScaleFactor", 1).put("mobile", false));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    static HeadlessChromium launch(int width, int height) {
        try {
            return new HeadlessChromium(executable(), width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + executable(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Chromium", e);
        }
    }

    /** Loads {@code url} and waits until the document has loaded. */
    void navigate(URI url) {
        CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
        awaitedEvents.put("Page.loadEventFired", loaded);
        JsonNode result = call("Page.navigate", params().put("url", url.toString()));
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("Chromium could not load " + url + ": " + result.get("errorText").asText());
        }
        try {
            loaded.get(CALL.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException(url + " did not finish loading within " + CALL.toSeconds() + " s; Chromium said:\n" + recentLog(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading " + url, e);
        } finally {
            awaitedEvents.remove("Page.loadEventFired");
        }
    }

    /** Evaluates {@code expression} in the page, awaiting a returned promise; returns its value as JSON. */
    JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate", params().put("expression", expression)
                .put("awaitPromise", true).put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            JsonNode details = result.get("exceptionDetails");
            throw new IllegalStateException("JavaScript failed in the page: "
                    + details.path("exception").path("description").asText(details.path("text").asText()));
        }
        return result.path("result").path("value");
    }

    /** Polls {@code condition} every 100 ms until it holds. */
    void waitUntil(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            sleep(100);
        }
    }

    /** A PNG of the viewport as it is now. */
    void screenshot(Path png) {
        JsonNode result = call("Page.captureScreenshot", params().put("format", "png"));
        try {
            Files.createDirectories(png.getParent());
            Files.write(png, Base64.getDecoder().decode(result.get("data").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + png, e);
        }
    }

    /** The last lines Chromium wrote to stderr, for failure messages. */
    String recentLog() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    @Override
    public void close() {
        if (page != null) {
            page.abort();
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecursively(userDataDir);
    }

    private ObjectNode params() {
        return SpecOperations.JSON.createObjectNode();
    }

    private JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        ObjectNode message = SpecOperations.JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        try {
            page.sendText(message.toString(), true).get(CALL.toSeconds(), TimeUnit.SECONDS);
            JsonNode reply = response.get(CALL.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (TimeoutException e) {
            throw new IllegalStateException(method + " got no answer within " + CALL.toSeconds() + " s; Chromium said:\n" + recentLog(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(method + " failed; Chromium said:\n" + recentLog(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Reads stderr on a daemon thread until Chromium prints its DevTools address; keeps the last lines. */
    private URI awaitDevToolsUrl() throws InterruptedException {
        CompletableFuture<URI> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), UTF_8))) {
                for (String line; (line = lines.readLine()) != null;) {
                    synchronized (log) {
                        log.addLast(line);
                        if (log.size() > 100) {
                            log.removeFirst();
                        }
                    }
                    Matcher matcher = DEVTOOLS_URL.matcher(line);
                    if (matcher.find()) {
                        url.complete(URI.create(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                // The process ended; the future below reports it.
            }
            url.completeExceptionally(new IllegalStateException("Chromium exited before it printed its DevTools address"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return url.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            String exit = process.isAlive() ? "still running" : "exit code " + process.exitValue();
            throw new IllegalStateException("Chromium (" + exit + ") did not start its DevTools server within "
                    + STARTUP.toSeconds() + " s; it said:\n" + recentLog(), e);
        }
    }

    /** The WebSocket of the page target (the about:blank tab), from the DevTools HTTP endpoint. */
    private URI pageWebSocketUrl(URI browser) throws IOException, InterruptedException {
        URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(list).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode target : SpecOperations.JSON.readTree(response.body())) {
                if ("page".equals(target.path("type").asText()) && target.hasNonNull("webSocketDebuggerUrl")) {
                    return URI.create(target.get("webSocketDebuggerUrl").asText());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Chromium shows no page target at " + list + ": " + response.body());
            }
            sleep(100);
        }
    }

    private WebSocket connect(URI url) {
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    dispatch(message.toString());
                    message.setLength(0);
                }
                socket.request(1);
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                pending.values().forEach(future -> future.completeExceptionally(error));
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                pending.values().forEach(future -> future.completeExceptionally(
                        new IllegalStateException("DevTools connection closed: " + statusCode + " " + reason)));
                return null;
            }
        };
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)).buildAsync(url, listener).join();
    }

    private void dispatch(String text) {
        try {
            JsonNode message = SpecOperations.JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> future = pending.get(message.get("id").asInt());
                if (future != null) {
                    future.complete(message);
                }
            } else if (message.has("method")) {
                CompletableFuture<JsonNode> future = awaitedEvents.get(message.get("method").asText());
                if (future != null) {
                    future.complete(message.path("params"));
                }
            }
        } catch (IOException e) {
            pending.values().forEach(future -> future.completeExceptionally(e));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void deleteRecursively(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover profile in the temp folder is harmless.
        }
    }
}
