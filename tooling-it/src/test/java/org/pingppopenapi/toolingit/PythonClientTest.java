package org.pingppopenapi.toolingit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingppopenapi.sandbox.Sandbox;

/**
 * The python client OpenAPI Generator makes with default settings from the spec's flat-query edition (the build
 * generates it into target/python-client), run against the sandbox. It needs Python 3 with pydantic 2, urllib3,
 * python-dateutil and typing-extensions (what the generated setup.py asks for); a machine without them fails here.
 */
@DisplayName("Python client (python)")
@ExtendWith(SharedSandbox.class)
class PythonClientTest {

    @Test
    @DisplayName("has what it needs: Python 3 with pydantic 2, urllib3, python-dateutil, typing-extensions")
    void pythonHasTheClientsDependencies() {
        Tooling.Result result = Tooling.run(Tooling.path("tooling.work").resolve("python"), Map.of(), List.of("python3", "-c",
                "import pydantic, urllib3, dateutil, typing_extensions; print(pydantic.VERSION)"));
        assertThat(result.exitCode()).as("python3 imports the generated client's dependencies\n%s", result.stderr()).isZero();
        assertThat(result.stdout().trim()).as("pydantic version").startsWith("2.");
    }

    @Test
    @DisplayName("creates, retrieves and lists a charge (app[id] and created[gte] filters) and reads a 4xx error body")
    void drivesTheSandbox(Sandbox sandbox) throws IOException {
        Path client = Tooling.existing("tooling.python.client");
        Tooling.Result ran = Tooling.run(Tooling.path("tooling.work").resolve("python"), Map.of("PYTHONPATH", client.toString(),
                "PYTHONDONTWRITEBYTECODE", "1"), List.of("python3", Tooling.existing("tooling.python.script").toString(),
                sandbox.baseUri().toString().replaceAll("/$", ""), Tooling.apiKey("py"), Tooling.APP_ID)).requireSuccess();
        ChargeFlow.assertSucceeded(ran.stdout());
    }
}
