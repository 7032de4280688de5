package org.pingppopenapi.validator.internal.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pingppopenapi.validator.InvalidSpecException;
import org.pingppopenapi.validator.PingppValidator;
import org.pingppopenapi.validator.RequestKind;
import org.pingppopenapi.validator.Violation;

/**
 * The command line: {@code java -jar pingpp-validator-cli.jar [--spec SPEC] <kind> [--now <unix-seconds>] [FILE|-]},
 * or {@code --list-kinds}.
 *
 * <p>The contract scripts rely on: exit 0 and nothing on stdout when the request body is valid; exit 1 and one
 * JSON object per violation per line on stdout ({@code {"field":...,"rule":...,"message":...}}, ASCII, non-ASCII
 * escaped) when it is not; exit 2 and a message on stderr for a usage error, an unreadable file or input that is
 * not exactly one JSON value. Without FILE, or with {@code -}, the body is read from stdin. The kinds are the spec's
 * ({@link PingppValidator#kinds()}); {@code --list-kinds} prints each with its schema, tab-separated, one per line.
 */
public final class ValidateCommand {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;

    /** Strict reading: duplicate keys and trailing content are errors, numbers keep every digit. */
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final ObjectMapper WRITER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private ValidateCommand() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, out, err, Clock.systemUTC()));
    }

    /** Runs the command and returns its exit code; {@code clock} gives the default for {@code --now}. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, Clock clock) {
        String kindName = null;
        Instant now = null;
        String file = null;
        String spec = null;
        boolean help = false;
        boolean listKinds = false;
        String problem = null;
        for (int i = 0; i < args.length && problem == null; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
            } else if (arg.equals("--list-kinds")) {
                listKinds = true;
            } else if (arg.equals("--spec")) {
                if (spec != null || i + 1 == args.length) {
                    problem = spec != null ? "--spec is given twice" : "--spec needs the file of a spec";
                } else {
                    spec = args[++i];
                }
            } else if (arg.equals("--now")) {
                if (now != null || i + 1 == args.length) {
                    problem = now != null ? "--now is given twice" : "--now needs a value in Unix seconds";
                } else {
                    Optional<Instant> parsed = unixSeconds(args[++i]);
                    if (parsed.isEmpty()) {
                        problem = "--now takes whole Unix seconds, not '" + args[i] + "'";
                    } else {
                        now = parsed.get();
                    }
                }
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                problem = "unknown option " + arg;
            } else if (kindName == null && !listKinds) {
                kindName = arg;
            } else if (file == null && !listKinds) {
                file = arg;
            } else {
                problem = listKinds ? "--list-kinds takes no kind or file" : "more than one input file: " + file + " and " + arg;
            }
        }
        if (problem == null && listKinds && (kindName != null || file != null || now != null)) {
            problem = "--list-kinds takes no kind, file or --now";
        }
        PingppValidator validator;
        try {
            validator = spec == null ? PingppValidator.fromSpec() : fromSpecFile(spec);
        } catch (NoSuchFileException e) {
            err.println("pingpp-validator: no such spec file: " + spec);
            return USAGE;
        } catch (IOException e) {
            err.println("pingpp-validator: cannot read the spec " + spec + ": " + e);
            return USAGE;
        } catch (InvalidSpecException e) {
            err.println("pingpp-validator: the spec " + (spec == null ? "built in" : spec) + " cannot be used: " + e.getMessage());
            return USAGE;
        }
        if (help) {
            out.println(usageText(validator));
            return VALID;
        }
        if (problem != null) {
            return usage(err, problem, validator);
        }
        if (listKinds) {
            for (RequestKind kind : validator.kinds()) {
                out.println(kind.name() + "\t" + validator.requestSchema(kind));
            }
            out.flush();
            return VALID;
        }
        if (kindName == null) {
            return usage(err, "the kind of request is missing", validator);
        }
        String wanted = kindName;
        Optional<RequestKind> kind = validator.kinds().stream().filter(known -> known.name().equals(wanted)).findFirst();
        if (kind.isEmpty()) {
            return usage(err, "unknown kind '" + kindName + "'", validator);
        }
        JsonNode payload;
        String source = file == null || file.equals("-") ? "stdin" : file;
        try (InputStream in = source.equals("stdin") ? nonClosing(stdin) : Files.newInputStream(Path.of(file))) {
            payload = READER.readTree(in);
        } catch (JacksonException e) {
            err.println("pingpp-validator: " + source + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
            return USAGE;
        } catch (NoSuchFileException e) {
            err.println("pingpp-validator: no such file: " + file);
            return USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("pingpp-validator: cannot read " + source + ": " + e);
            return USAGE;
        }
        if (payload == null || payload.isMissingNode()) {
            err.println("pingpp-validator: " + source + " holds no JSON value");
            return USAGE;
        }
        List<Violation> violations = validator.validate(kind.get(), payload, now != null ? now : clock.instant());
        for (Violation violation : violations) {
            out.println(toJsonLine(violation));
        }
        out.flush();
        return violations.isEmpty() ? VALID : INVALID;
    }

    private static PingppValidator fromSpecFile(String spec) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(spec))) {
            return PingppValidator.fromSpec(in);
        }
    }

    static String usageText(PingppValidator validator) {
        return "Usage: java -jar pingpp-validator-cli.jar [--spec SPEC] <kind> [--now <unix-seconds>] [FILE|-]\n"
                + "       java -jar pingpp-validator-cli.jar [--spec SPEC] --list-kinds\n"
                + "  kind:         " + validator.kinds().stream().map(RequestKind::name).collect(Collectors.joining(", ")) + "\n"
                + "  --now:        the creation time time_expire is measured from, in Unix seconds (default: now)\n"
                + "  FILE:         the JSON request body; - or nothing reads stdin\n"
                + "  --spec:       validate against this revision of the spec (a bundled document, YAML or JSON), not the built-in one\n"
                + "  --list-kinds: print each request kind of the spec and its schema, tab-separated, one per line\n"
                + "Exit 0: valid. 1: invalid, one JSON object per violation on stdout. 2: usage error or unreadable input.";
    }

    static String toJsonLine(Violation violation) {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = WRITER.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("field", violation.field());
            json.writeStringField("rule", violation.rule());
            json.writeStringField("message", violation.message());
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("Writing to a StringWriter cannot fail", e);
        }
        return line.toString();
    }

    private static Optional<Instant> unixSeconds(String text) {
        if (!text.matches("-?[0-9]{1,18}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
        } catch (RuntimeException outOfRange) {
            return Optional.empty();
        }
    }

    private static int usage(PrintStream err, String problem, PingppValidator validator) {
        err.println("pingpp-validator: " + problem);
        err.println(usageText(validator));
        return USAGE;
    }

    /** Lets try-with-resources close a file without closing the caller's stdin. */
    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }
}
