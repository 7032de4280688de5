package org.pingppopenapi.spec;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Bundles the spec's source files into the one self-contained document that ships.
 *
 * <p>The spec is curated as a root document ({@code spec/openapi/pingpp-openapi.yaml}: info, servers, security,
 * tags and the components every resource shares) and one fragment per resource
 * ({@code spec/openapi/resources/*.yaml}: that resource's {@code paths}, {@code components} and, for events,
 * {@code x-webhooks}). Every {@code $ref} in every file is local ({@code #/components/schemas/Charge}), written as it
 * will read in the bundle, so bundling is a merge: the fragments' maps are added to the root's, in file name order,
 * and a name defined twice is an error naming both files. Scalars keep the style they were written in (literal
 * blocks, quotes, flow mappings), so the bundle reads like the sources.
 *
 * <p>Run at build time as {@code java org.pingppopenapi.spec.SpecBundle <root.yaml> <output.yaml>...}; more
 * fragment folders can be added with {@code --fragments <dir>} (a test adds a toy resource that way).
 */
public final class SpecBundle {

    /** The top-level keys a fragment may hold. */
    private static final Set<String> FRAGMENT_KEYS = Set.of("paths", "components", "x-webhooks");

    private SpecBundle() {
    }

    /** The fragments next to a root document: {@code resources/*.yaml} in its folder, by file name. */
    public static List<Path> fragmentsOf(Path root) {
        Path folder = root.toAbsolutePath().getParent().resolve("resources");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        return yamlFiles(folder);
    }

    /** The YAML files of a folder, by file name. */
    public static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    /** The root document with {@link #fragmentsOf its fragments} merged in, as YAML. */
    public static String bundle(Path root) {
        return bundle(root, fragmentsOf(root));
    }

    /**
     * The root document with the given fragments merged in, as YAML.
     *
     * @throws IllegalArgumentException when a file is not YAML, a fragment has a key other than {@code paths},
     *                                  {@code components} and {@code x-webhooks}, or a name is defined twice
     */
    public static String bundle(Path root, List<Path> fragments) {
        MappingNode document = mapping(compose(root), root.toString());
        for (Path fragment : fragments) {
            MappingNode part = mapping(compose(fragment), fragment.toString());
            for (NodeTuple entry : part.getValue()) {
                String key = key(entry);
                if (!FRAGMENT_KEYS.contains(key)) {
                    throw new IllegalArgumentException(fragment + ": a resource file holds only " + FRAGMENT_KEYS
                            + ", not '" + key + "'; shared parts belong in " + root.getFileName());
                }
                MappingNode into = child(document, key);
                if (key.equals("components")) {
                    for (NodeTuple section : mapping(entry.getValueNode(), fragment + ": components").getValue()) {
                        mergeNames(child(into, key(section)), mapping(section.getValueNode(),
                                fragment + ": components." + key(section)), "components." + key(section), root, fragment);
                    }
                } else {
                    mergeNames(into, mapping(entry.getValueNode(), fragment + ": " + key), key, root, fragment);
                }
            }
        }
        DumperOptions options = new DumperOptions();
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setAllowUnicode(true);
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        StringWriter out = new StringWriter();
        new Yaml(options).serialize(document, out);
        return out.toString();
    }

    private static void mergeNames(MappingNode into, MappingNode from, String where, Path root, Path fragment) {
        into.setFlowStyle(DumperOptions.FlowStyle.BLOCK);
        for (NodeTuple entry : from.getValue()) {
            String name = key(entry);
            if (find(into, name).isPresent()) {
                throw new IllegalArgumentException(fragment + ": " + where + "." + name
                        + " is already defined (in " + root.getFileName() + " or an earlier resource file)");
            }
            into.getValue().add(entry);
        }
    }

    /** The mapping under {@code key}, added (empty) when the document has none yet. */
    private static MappingNode child(MappingNode parent, String key) {
        Optional<Node> existing = find(parent, key);
        if (existing.isPresent()) {
            return mapping(existing.get(), key);
        }
        MappingNode created = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
        parent.getValue().add(new NodeTuple(new ScalarNode(Tag.STR, key, null, null, DumperOptions.ScalarStyle.PLAIN),
                created));
        return created;
    }

    private static Optional<Node> find(MappingNode parent, String key) {
        return parent.getValue().stream().filter(entry -> key(entry).equals(key)).map(NodeTuple::getValueNode)
                .findFirst();
    }

    private static String key(NodeTuple entry) {
        if (entry.getKeyNode() instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new IllegalArgumentException("Only string keys are allowed, found " + entry.getKeyNode().getNodeId()
                + " at " + entry.getKeyNode().getStartMark());
    }

    private static MappingNode mapping(Node node, String where) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw new IllegalArgumentException(where + " must be a mapping, was " + node.getNodeId());
    }

    private static Node compose(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(64 * 1024 * 1024);
        try {
            Node node = new Yaml(options).compose(Files.newBufferedReader(file, StandardCharsets.UTF_8));
            if (node == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    public static void main(String[] args) throws IOException {
        List<Path> outputs = new ArrayList<>();
        List<Path> extraFolders = new ArrayList<>();
        Path root = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--fragments") && i + 1 < args.length) {
                extraFolders.add(Path.of(args[++i]));
            } else if (root == null) {
                root = Path.of(args[i]);
            } else {
                outputs.add(Path.of(args[i]));
            }
        }
        if (root == null || outputs.isEmpty()) {
            System.err.println("usage: SpecBundle <root.yaml> <output.yaml>... [--fragments <dir>]...");
            System.exit(2);
        }
        List<Path> fragments = new ArrayList<>(fragmentsOf(root));
        extraFolders.forEach(folder -> fragments.addAll(yamlFiles(folder)));
        String bundle = bundle(root, fragments);
        for (Path output : outputs) {
            if (output.toAbsolutePath().getParent() != null) {
                Files.createDirectories(output.toAbsolutePath().getParent());
            }
            Files.writeString(output, bundle, StandardCharsets.UTF_8);
        }
    }
}
