import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step of pipeline-it (run after each generator): of the sources generated from the
 * fixture spec, keeps only those that the module generating from the shipped spec did not generate byte for byte.
 * The others are in that module's jar, compiled from the same text, so the fixture's build compiles only what the
 * fixture changed (the widgets' classes and the ones that list every service or operation) instead of every model
 * again. When a reference folder is missing (a build without that module in the reactor), everything is kept.
 *
 * <p>Usage: {@code java KeepChangedSources <generated source root> <reference source root> [<generated>
 * <reference>]...}.
 */
public final class KeepChangedSources {

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("usage: KeepChangedSources <generated source root> <reference source root>...");
            System.exit(2);
        }
        for (int i = 0; i < args.length; i += 2) {
            keepChanged(Path.of(args[i]), Path.of(args[i + 1]));
        }
    }

    private static void keepChanged(Path generated, Path reference) throws IOException {
        if (!Files.isDirectory(reference)) {
            System.out.println("[keep-changed] no " + reference + ": compiling every source of " + generated);
            return;
        }
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(generated)) {
            sources = walk.filter(file -> file.toString().endsWith(".java")).toList();
        }
        int kept = 0;
        for (Path source : sources) {
            Path same = reference.resolve(generated.relativize(source).toString());
            if (Files.isRegularFile(same) && Files.mismatch(source, same) == -1) {
                Files.delete(source);
            } else {
                kept++;
            }
        }
        System.out.println("[keep-changed] " + kept + " of " + sources.size() + " sources of " + generated
                + " differ from " + reference);
    }
}
