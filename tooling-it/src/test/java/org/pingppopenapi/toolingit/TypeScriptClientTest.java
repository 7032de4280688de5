package org.pingppopenapi.toolingit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingppopenapi.sandbox.Sandbox;

/**
 * The TypeScript client OpenAPI Generator makes from the published spec with default settings (typescript-fetch; the
 * build generates it into target/typescript-fetch-client), compiled with {@code tsc --strict} and run against the
 * sandbox.
 */
@DisplayName("TypeScript client (typescript-fetch)")
@ExtendWith(SharedSandbox.class)
class TypeScriptClientTest {

    private static Path work;

    @BeforeAll
    static void compile() throws IOException {
        work = Tooling.path("tooling.work").resolve("typescript");
        copyTree(Tooling.existing("tooling.typescript.client"), work.resolve("client"));
        Files.copy(Tooling.existing("tooling.typescript.script"), work.resolve("charge-flow.ts"), StandardCopyOption.REPLACE_EXISTING);
        // Strict, and only what Node and the generated code need; no @types packages.
        Files.writeString(work.resolve("tsconfig.json"), """
                {
                  "compilerOptions": {
                    "strict": true, "target": "es2022", "module": "commonjs", "lib": ["es2022", "dom"],
                    "types": [], "outDir": "out", "noEmitOnError": true
                  },
                  "files": ["charge-flow.ts"]
                }
                """);
    }

    @Test
    @DisplayName("compiles with tsc --strict, then creates, retrieves and lists a charge and reads a 4xx error body")
    void compilesAndDrivesTheSandbox(Sandbox sandbox) throws IOException {
        Tooling.Result compiled = Tooling.run(work, Map.of(), List.of("node", Tooling.nodeModule("typescript/bin/tsc").toString(),
                "--project", "tsconfig.json", "--strict", "--pretty", "false"));
        assertThat(compiled.exitCode()).as("tsc --strict\n%s%s", compiled.stdout(), compiled.stderr()).isZero();
        assertThat(work.resolve("out/client/models/Credential.js")).as("the generated models compiled").exists();

        Tooling.Result ran = Tooling.run(work, Map.of(), List.of("node", "out/charge-flow.js",
                sandbox.baseUri().toString().replaceAll("/$", ""), Tooling.apiKey("ts"), Tooling.APP_ID)).requireSuccess();
        ChargeFlow.assertSucceeded(ran.stdout());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
