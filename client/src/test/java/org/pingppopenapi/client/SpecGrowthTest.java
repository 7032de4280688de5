package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingppopenapi.client.build.ClientSources;
import org.pingppopenapi.spec.SpecBundle;

/**
 * Adding a resource to the spec adds its service with no Java written for it: the shipped spec plus a toy
 * {@code widgets} resource (create, retrieve, list, delete) goes through the same generation as the build
 * ({@link ClientSources}); what it generates differently from the build (the widgets' models, params, services and
 * descriptors, and the accessors that list every service) is compiled against the client, with a caller written
 * against the API a user would see ({@code client.widgets().create(...)}), and the caller runs against a local
 * server, the client's classes loaded with the grown ones.
 */
class SpecGrowthTest {

    private static final String WIDGET = "{\"id\":\"wdg_1\",\"object\":\"widget\",\"created\":1700000000,"
            + "\"name\":\"gear\",\"size\":3}";

    @Test
    void aGrownSpecYieldsAWorkingServiceForTheNewResource(@TempDir Path work) throws Exception {
        Path repository = Path.of(System.getProperty("pingpp.root", ".."));
        Path root = repository.resolve("spec/openapi/pingpp-openapi.yaml");
        Path widgets = copy("/growth/widgets.yaml", work.resolve("widgets.yaml"));
        List<Path> fragments = new ArrayList<>(SpecBundle.fragmentsOf(root));
        fragments.add(widgets);
        String grown = SpecBundle.bundle(root, fragments);

        Path sources = work.resolve("sources");
        ClientSources.generate(grown, work.resolve("generator-input.yaml"), sources);
        copy("/growth/WidgetCalls.java.txt", sources.resolve("org/pingppopenapi/fixture/WidgetCalls.java"));
        assertThat(sources.resolve("org/pingppopenapi/client/service/WidgetsService.java")).exists();
        assertThat(sources.resolve("org/pingppopenapi/client/param/ListWidgetsParams.java")).exists();

        List<Path> grownSources = changedOrNew(sources, repository.resolve("client/target/generated-sources/pingpp"));
        assertThat(grownSources).extracting(path -> path.getFileName().toString())
                .contains("Widget.java", "WidgetsService.java", "WidgetsServiceImpl.java", "PingppServices.java")
                .doesNotContain("Charge.java", "ChargesService.java");
        Path classes = compile(grownSources, work.resolve("classes"));

        try (MockWebServer server = new MockWebServer();
                URLClassLoader loader = new ChildFirst(new URL[] {classes.toUri().toURL(), clientClasses().toUri().toURL()},
                        SpecGrowthTest.class.getClassLoader())) {
            server.start();
            server.enqueue(MockApi.ok(WIDGET));
            server.enqueue(MockApi.ok(WIDGET));
            server.enqueue(MockApi.ok("{\"object\":\"list\",\"url\":\"/v1/widgets\",\"has_more\":true,\"data\":[" + WIDGET + "]}"));
            server.enqueue(MockApi.ok("{\"object\":\"list\",\"url\":\"/v1/widgets\",\"has_more\":false,\"data\":["
                    + WIDGET.replace("wdg_1", "wdg_2") + "]}"));
            server.enqueue(MockApi.ok("{\"id\":\"wdg_1\",\"deleted\":true}"));
            server.enqueue(MockApi.ok(WIDGET));

            @SuppressWarnings("unchecked")
            Function<String, List<String>> calls = (Function<String, List<String>>) loader
                    .loadClass("org.pingppopenapi.fixture.WidgetCalls").getConstructor().newInstance();
            List<String> seen = calls.apply(server.url("/").toString());

            assertThat(seen).containsExactly("wdg_1", "gear", "wdg_1", "wdg_2", "true", "gear");
            RecordedRequest create = MockApi.take(server);
            assertThat(create.getMethod() + " " + create.getTarget()).isEqualTo("POST /v1/widgets");
            assertThat(create.getBody().utf8()).isEqualTo("{\"name\":\"gear\",\"size\":3}");
            assertThat(targetOf(MockApi.take(server))).isEqualTo("GET /v1/widgets/wdg_1");
            assertThat(targetOf(MockApi.take(server))).isEqualTo("GET /v1/widgets?limit=1&color=red");
            assertThat(targetOf(MockApi.take(server))).isEqualTo("GET /v1/widgets?limit=1&color=red&starting_after=wdg_1");
            assertThat(targetOf(MockApi.take(server))).isEqualTo("DELETE /v1/widgets/wdg_1");
            assertThat(targetOf(MockApi.take(server))).isEqualTo("GET /v1/widgets/wdg_1");
        }
    }

    private static String targetOf(RecordedRequest request) {
        return request.getMethod() + " " + request.getTarget();
    }

    private static Path copy(String resource, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (InputStream in = SpecGrowthTest.class.getResourceAsStream(resource)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    /** The generated sources that the build did not generate as they are. */
    private static List<Path> changedOrNew(Path grown, Path built) throws IOException {
        List<Path> changed = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(grown)) {
            for (Path file : walk.filter(path -> path.toString().endsWith(".java")).toList()) {
                Path same = built.resolve(grown.relativize(file).toString());
                if (!Files.exists(same) || Files.mismatch(file, same) != -1) {
                    changed.add(file);
                }
            }
        }
        return changed;
    }

    private static Path clientClasses() throws Exception {
        return Path.of(PingppClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Compiles the sources against the test class path, the client's classes included. */
    private static Path compile(List<Path> files, Path output) throws IOException {
        Files.createDirectories(output);
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "-proc:none", "-nowarn",
                "-encoding", "UTF-8", "--release", "17", "-classpath", System.getProperty("java.class.path")));
        files.forEach(file -> arguments.add(file.toString()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, arguments.toArray(String[]::new));
        assertThat(status).as("javac of the grown client:%n%s", messages.toString(StandardCharsets.UTF_8)).isZero();
        return output;
    }

    /**
     * Loads the client's classes itself, the grown ones first, so that the client's hand-written classes link to
     * the grown generated ones; everything else comes from the test's class loader.
     */
    private static final class ChildFirst extends URLClassLoader {

        ChildFirst(URL[] classes, ClassLoader parent) {
            super(classes, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                boolean ours = name.startsWith("org.pingppopenapi.client.") || name.startsWith("org.pingppopenapi.fixture.");
                if (loaded == null && ours && findResource(name.replace('.', '/') + ".class") != null) {
                    loaded = findClass(name);
                }
                if (loaded == null) {
                    loaded = super.loadClass(name, false);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
