package org.pingppopenapi.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A curl command of the documents, read as curl reads its arguments: {@code -u user:password} (HTTP Basic),
 * {@code -H "Name: value"}, {@code -d data} (several joined with {@code &}, sent as
 * {@code application/x-www-form-urlencoded} unless a header says otherwise, and making the request a POST),
 * {@code -X method}; quotes as a POSIX shell reads them.
 *
 * <p>One liberty: line ends count as spaces. Four examples of document 002 forget the {@code \} after their
 * {@code -u} line, which would make a shell run the {@code -d} line as a command of its own; the request is taken as
 * the example plainly shows it, body included.
 */
record CurlCommand(String method, URI uri, Map<String, String> headers, String body) {

    private static final String PINGPP_API = "https://api.pingxx.com";

    /** The command in a file of {@code src/test/resources/seed-requests}. */
    static String resource(String file) {
        try (InputStream in = CurlCommand.class.getResourceAsStream("/seed-requests/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No such seed request: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CurlCommand parse(String command) {
        List<String> words = words(command);
        if (words.isEmpty() || !words.get(0).equals("curl")) {
            throw new IllegalArgumentException("Not a curl command: " + command);
        }
        String method = null;
        String url = null;
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> data = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-u" -> headers.put("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(words.get(++i).getBytes(StandardCharsets.UTF_8)));
                case "-H" -> {
                    String header = words.get(++i);
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
                }
                case "-d" -> data.add(words.get(++i));
                case "-X" -> method = words.get(++i).toUpperCase(Locale.ROOT);
                default -> {
                    if (word.startsWith("-")) {
                        throw new IllegalArgumentException("An option this reader does not know: " + word);
                    }
                    url = word;
                }
            }
        }
        String body = data.isEmpty() ? null : String.join("&", data);
        if (body != null && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
        }
        if (method == null) {
            method = body == null ? "GET" : "POST";
        }
        return new CurlCommand(method, URI.create(url), headers, body);
    }

    /** The same command with {@code text} replaced wherever it appears: a documents' id by one the sandbox made. */
    CurlCommand replace(String text, String replacement) {
        Map<String, String> replaced = new LinkedHashMap<>();
        headers.forEach((name, value) -> replaced.put(name, value.replace(text, replacement)));
        return new CurlCommand(method, URI.create(uri.toString().replace(text, replacement)), replaced,
                body == null ? null : body.replace(text, replacement));
    }

    /** The same command with {@code -X method}. */
    CurlCommand withMethod(String newMethod) {
        return new CurlCommand(newMethod, uri, headers, body);
    }

    /** The request, sent to {@code baseUri} instead of the Ping++ API. */
    HttpRequest.Builder toRequest(URI baseUri) {
        String target = uri.toString();
        if (!target.startsWith(PINGPP_API)) {
            throw new IllegalStateException("Not a Ping++ API URL: " + target);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + target.substring(PINGPP_API.length())))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return request;
    }

    /** Splits a command into words as a POSIX shell does: quotes, and backslash-newline as a space. */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\\' && i + 1 < command.length() && command.charAt(i + 1) == '\n') {
                i++;
                c = ' ';
            }
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                word.append(command, i + 1, end);
                i = end;
            } else if (c == '"') {
                int end = i + 1;
                while (command.charAt(end) != '"') {
                    if (command.charAt(end) == '\\') {
                        end++;
                    }
                    word.append(command.charAt(end));
                    end++;
                }
                i = end;
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
