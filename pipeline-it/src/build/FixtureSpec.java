import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pingppopenapi.spec.SpecBundle;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Build step of pipeline-it (run at generate-sources): the fixture spec, a newer revision of the
 * shipped one. It bundles the spec's sources with one more resource file exactly as the spec module bundles them
 * ({@link SpecBundle}), then applies an overlay: the edits a new resource makes by hand outside its own file (a tag
 * of the root document, its event types in {@code events.yaml}).
 *
 * <p>Usage: {@code java -cp <class path with the spec jar and SnakeYAML> FixtureSpec <root.yaml> <resource.yaml>
 * <overlay.yaml> <output.yaml>...}. An overlay is a list of {@code actions}, each a {@code target}
 * ({@code $.a.b['c-d']}: a path of mapping keys that must exist) and an {@code update} merged into it: a mapping's
 * keys are added or replaced, a sequence's items appended.
 */
public final class FixtureSpec {

    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_]+)|\\['([^']+)'\\]");

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: FixtureSpec <root.yaml> <resource.yaml> <overlay.yaml> <output.yaml>...");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        List<Path> fragments = new ArrayList<>(SpecBundle.fragmentsOf(root));
        fragments.add(Path.of(args[1]));
        Node document = compose(SpecBundle.bundle(root, fragments));
        Node overlay = compose(Files.readString(Path.of(args[2]), StandardCharsets.UTF_8));
        for (Node action : sequence(get(overlay, "actions", "the overlay"), "actions").getValue()) {
            String target = scalar(get(action, "target", "an action"));
            merge(find(document, target), get(action, "update", target), target);
        }
        String fixture = dump(document);
        for (int i = 3; i < args.length; i++) {
            Path output = Path.of(args[i]).toAbsolutePath();
            Files.createDirectories(output.getParent());
            Files.writeString(output, fixture, StandardCharsets.UTF_8);
        }
        System.out.println("[fixture-spec] " + root + " + " + args[1] + " + " + args[2] + " -> " + args[3]);
    }

    private static Node find(Node document, String target) {
        if (!target.startsWith("$")) {
            throw new IllegalArgumentException("An overlay target starts with $: " + target);
        }
        Matcher step = STEP.matcher(target);
        Node node = document;
        int at = 1;
        while (at < target.length()) {
            if (!step.find(at) || step.start() != at) {
                throw new IllegalArgumentException("Cannot read the overlay target " + target + " at " + target.substring(at));
            }
            String key = step.group(1) != null ? step.group(1) : step.group(2);
            node = get(node, key, target);
            at = step.end();
        }
        return node;
    }

    private static void merge(Node into, Node update, String where) {
        if (into instanceof SequenceNode list && update instanceof SequenceNode items) {
            list.getValue().addAll(items.getValue());
        } else if (into instanceof MappingNode map && update instanceof MappingNode entries) {
            for (NodeTuple entry : entries.getValue()) {
                String key = scalar(entry.getKeyNode());
                map.getValue().removeIf(existing -> scalar(existing.getKeyNode()).equals(key));
                map.getValue().add(entry);
            }
        } else {
            throw new IllegalArgumentException("The update of " + where + " must be of the target's kind, a "
                    + into.getNodeId());
        }
    }

    private static Node get(Node node, String key, String where) {
        if (node instanceof MappingNode map) {
            for (NodeTuple entry : map.getValue()) {
                if (scalar(entry.getKeyNode()).equals(key)) {
                    return entry.getValueNode();
                }
            }
        }
        throw new IllegalArgumentException(where + " has no '" + key + "'");
    }

    private static SequenceNode sequence(Node node, String where) {
        if (node instanceof SequenceNode list) {
            return list;
        }
        throw new IllegalArgumentException(where + " must be a list");
    }

    private static String scalar(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new IllegalArgumentException("Expected a scalar at " + node.getStartMark());
    }

    private static Node compose(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(64 * 1024 * 1024);
        return new Yaml(options).compose(new StringReader(yaml));
    }

    private static String dump(Node document) {
        DumperOptions options = new DumperOptions();
        options.setWidth(Integer.MAX_VALUE);
        options.setAllowUnicode(true);
        StringWriter out = new StringWriter();
        new Yaml(options).serialize(document, out);
        return out.toString();
    }
}
