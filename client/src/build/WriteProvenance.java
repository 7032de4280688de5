import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.pingppopenapi.spec.PingppSpec;

/**
 * Build step (run by exec-maven-plugin as a single-file Java program at generate-resources): writes the
 * provenance resource of the client jar, which names the spec and the generator that produced its code.
 *
 * <p>Usage: {@code java -cp <client compile class path> WriteProvenance.java <output.properties>
 * <generator-input.yaml> <generator-version> <client-version>}. The spec is the one on the class path (the spec jar
 * that {@code GeneratorInput} read), hashed by {@code PingppSpec.sha256()}, so the value matches what that method
 * says at run time. The output has no timestamp, so identical inputs give identical bytes.
 */
public final class WriteProvenance {

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        if (args.length != 4) {
            System.err.println("usage: WriteProvenance <output.properties> <generator-input.yaml>"
                    + " <generator-version> <client-version>");
            System.exit(2);
        }
        Path output = Path.of(args[0]);
        String properties = String.join("\n",
                "# Which spec and which generator produced this build of pingpp-client.",
                "spec.sha256=" + PingppSpec.sha256(),
                "generatorInput.sha256=" + sha256(Path.of(args[1])),
                "generator=pingpp ClientSources (services) + openapi-generator java (models)",
                "generator.version=" + args[2],
                "client.version=" + args[3],
                "");
        Files.createDirectories(output.getParent());
        Files.writeString(output, properties, StandardCharsets.ISO_8859_1);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
