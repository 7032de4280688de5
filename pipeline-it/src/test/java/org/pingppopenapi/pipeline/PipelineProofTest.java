package org.pingppopenapi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.Page;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.PreflightMode;
import org.pingppopenapi.client.RequestOptions;
import org.pingppopenapi.client.model.DeletedObject;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.client.model.Widget;
import org.pingppopenapi.client.model.WidgetCreateRequest;
import org.pingppopenapi.client.param.ListEventsParams;
import org.pingppopenapi.client.param.ListWidgetsParams;
import org.pingppopenapi.prism.PrismServer;
import org.pingppopenapi.prism.WithPrism;
import org.pingppopenapi.sandbox.Sandbox;
import org.pingppopenapi.server.api.WidgetsApi;
import org.pingppopenapi.spec.PingppSpec;
import org.pingppopenapi.validator.PingppValidator;
import org.pingppopenapi.validator.RequestKind;
import org.pingppopenapi.validator.Violation;

/**
 * The whole pipeline on a fixture spec, with no Java written for its new resource. The fixture is the shipped spec plus
 * a toy {@code widgets} resource ({@code src/test/resources/widgets.yaml}: create, retrieve, list, delete, the rule
 * {@code widget.name.red} on a field, the event type {@code widget.created}). This module's build bundles it with the
 * spec module's {@code SpecBundle} and runs the real generators on it with the real modules' settings: the client's
 * {@code ClientSources}, the server stubs' OpenAPI Generator execution, the sandbox's {@code GenerateGenericApis}. The
 * generated classes are compiled into the module and come first on the class path, and so does the fixture as the spec
 * jar's document: everything that reads the spec at run time (the validator behind the client's pre-flight checks and
 * the server's Bean Validation, the sandbox's generic store and event types) reads the spec these classes were
 * generated from, as in the real build. The test then uses widgets as a user would: through the client against a
 * sandbox, and against Prism serving the fixture's examples.
 */
@WithPrism(spec = "pipeline-it/target/pingpp-openapi-widgets.yaml")
class PipelineProofTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RED_RULE = "widget.name.red";

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    private static byte[] fixture;
    private static Sandbox sandbox;

    /** A client of an account of its own on the sandbox, verifying the sandbox's response signatures. */
    private PingppClient client;

    @BeforeAll
    static void start() throws IOException {
        fixture = Files.readAllBytes(java.nio.file.Path.of(System.getProperty("pingpp.fixture.spec")));
        sandbox = Sandbox.builder().start();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void newAccount() {
        client = PingppClient.builder().apiKey("sk_test_pipelineProof" + ACCOUNTS.incrementAndGet())
                .baseUrl(sandbox.baseUri()).pingppPublicKey(sandbox.webhookPublicKeyPem()).maxRetries(0).build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void theRunReadsTheFixtureAsItsSpecAndTheShippedSpecHasNoWidgets() throws IOException {
        try (InputStream in = PingppSpec.open()) {
            assertThat(in.readAllBytes()).as("the spec every component reads is the fixture").isEqualTo(fixture);
        }
        String shipped = Files.readString(java.nio.file.Path.of(System.getProperty("pingpp.root"), "spec/target/pingpp-openapi.yaml"));
        assertThat(shipped).doesNotContain("/v1/widgets").doesNotContain("widget.created");
        JsonNode spec = new YAMLMapper().readTree(fixture);
        JsonNode shippedPaths = new YAMLMapper().readTree(shipped).path("paths");
        List<String> paths = new ArrayList<>();
        spec.path("paths").fieldNames().forEachRemaining(paths::add);
        List<String> widgetPaths = paths.stream().filter(path -> !shippedPaths.has(path)).toList();
        assertThat(widgetPaths).as("the fixture is the shipped spec plus widgets").containsExactly("/v1/widgets", "/v1/widgets/{widget_id}");
        shippedPaths.fields().forEachRemaining(path -> assertThat(spec.path("paths").get(path.getKey()))
                .as(path.getKey()).isEqualTo(path.getValue()));
        assertThat(spec.at("/paths/~1v1~1widgets/post/operationId").asText()).isEqualTo("createWidget");
        assertThat(spec.at("/components/schemas/Event/properties/type/x-pingpp-known-values").toString()).contains("\"widget.created\"");
        assertThat(spec.at("/components/schemas/EventObject/discriminator/mapping/widget").asText()).isEqualTo("#/components/schemas/Widget");
    }

    @Test
    void theValidatorOfTheFixtureHasAWidgetKindThatEnforcesTheRule() throws IOException {
        PingppValidator validator = PingppValidator.fromSpec(new ByteArrayInputStream(fixture));
        RequestKind widget = RequestKind.named("widget");
        assertThat(validator.kinds()).contains(widget);
        assertThat(validator.requestSchema(widget)).isEqualTo("WidgetCreateRequest");
        assertThat(validator.ruleIds()).contains(RED_RULE);

        Instant now = Instant.now();
        assertThat(validator.validate(widget, JSON.readTree("{\"name\":\"12345678\",\"color\":\"red\"}"), now)).isEmpty();
        assertThat(validator.validate(widget, JSON.readTree("{\"name\":\"123456789\",\"color\":\"red\"}"), now))
                .extracting(Violation::field, Violation::rule).containsExactly(tuple("name", RED_RULE));
        assertThat(validator.validate(widget, JSON.readTree("{\"name\":\"123456789\",\"color\":\"blue\"}"), now))
                .as("the rule is about red widgets only").isEmpty();

        try (InputStream shipped = Files.newInputStream(java.nio.file.Path.of(System.getProperty("pingpp.root"),
                "spec/target/pingpp-openapi.yaml"))) {
            assertThat(PingppValidator.fromSpec(shipped).kinds()).doesNotContain(widget);
        }
    }

    @Test
    void theServerStubsHaveAWidgetsInterfaceThatTheSandboxServesGenerically() throws ClassNotFoundException {
        Map<String, String> routes = new TreeMap<>();
        for (Method method : WidgetsApi.class.getDeclaredMethods()) {
            String verb = method.isAnnotationPresent(POST.class) ? "POST" : method.isAnnotationPresent(GET.class) ? "GET"
                    : method.isAnnotationPresent(DELETE.class) ? "DELETE" : "?";
            Path path = method.getAnnotation(Path.class);
            routes.put(method.getName(), verb + " " + WidgetsApi.class.getAnnotation(Path.class).value()
                    + (path == null ? "" : path.value()));
        }
        assertThat(routes).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "createWidget", "POST /v1/widgets",
                "deleteWidget", "DELETE /v1/widgets/{widget_id}",
                "listWidgets", "GET /v1/widgets",
                "retrieveWidget", "GET /v1/widgets/{widget_id}")));

        Class<?> generic = Class.forName("org.pingppopenapi.sandbox.api.GenericWidgetsApi");
        assertThat(WidgetsApi.class).isAssignableFrom(generic);
        assertThat(Arrays.stream(generic.getDeclaredMethods()).map(Method::getName))
                .containsExactlyInAnyOrder("createWidget", "deleteWidget", "listWidgets", "retrieveWidget");
    }

    @Test
    void theClientCreatesRetrievesListsAndDeletesWidgetsOnTheSandbox() {
        Widget created = client.widgets().create(new WidgetCreateRequest().name("sprocket")
                .color(WidgetCreateRequest.ColorEnum.RED).size(3L));

        assertThat(created.getId()).as("the id shape of Widget.id's pattern").matches("wdg_[0-9A-Za-z]{24}");
        assertThat(created.getObject()).isEqualTo(Widget.ObjectEnum.WIDGET);
        assertThat(created.getName()).isEqualTo("sprocket");
        assertThat(created.getColor()).isEqualTo(Widget.ColorEnum.RED);
        assertThat(created.getSize()).isEqualTo(3L);
        assertThat(created.getCreated()).isPositive();
        assertThat(created.getLivemode()).isFalse();

        assertThat(client.widgets().retrieve(created.getId())).isEqualTo(created);

        Widget blue = client.widgets().create(new WidgetCreateRequest().name("a long blue widget")
                .color(WidgetCreateRequest.ColorEnum.BLUE));
        Page<Widget> reds = client.widgets().list(ListWidgetsParams.builder().color("red").limit(10).build());
        assertThat(reds.data()).extracting(Widget::getId).contains(created.getId()).doesNotContain(blue.getId());
        List<String> all = client.widgets().list(ListWidgetsParams.builder().limit(1).build()).autoPaging().stream()
                .map(Widget::getId).toList();
        assertThat(all).as("newest first, one per page").containsSubsequence(blue.getId(), created.getId());

        DeletedObject deleted = client.widgets().delete(created.getId());
        assertThat(deleted.getId()).isEqualTo(created.getId());
        assertThat(deleted.getDeleted()).isTrue();
        assertThatThrownBy(() -> client.widgets().retrieve(created.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, gone -> assertThat(gone.httpStatus()).isEqualTo(404));
        assertThat(client.widgets().list(ListWidgetsParams.builder().limit(20).build()).autoPaging().stream()
                .map(Widget::getId)).doesNotContain(created.getId()).contains(blue.getId());
    }

    @Test
    void theRuleIsRefusedBeforeSendingAndByTheServerInThePingppErrorShape() throws IOException {
        WidgetCreateRequest tooLong = new WidgetCreateRequest().name("123456789").color(WidgetCreateRequest.ColorEnum.RED);
        int before = widgetCount();

        assertThatThrownBy(() -> client.widgets().create(tooLong))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.httpStatus()).as("refused before sending").isZero();
                    assertThat(refused.violations()).extracting(Violation::field, Violation::rule)
                            .containsExactly(tuple("name", RED_RULE));
                });
        assertThat(widgetCount()).as("nothing reached the sandbox").isEqualTo(before);

        RequestOptions unchecked = RequestOptions.builder().preflight(PreflightMode.OFF).build();
        assertThatThrownBy(() -> client.widgets().create(tooLong, unchecked))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.httpStatus()).isEqualTo(400);
                    assertThat(refused.type()).isEqualTo("invalid_request_error");
                    assertThat(refused.param()).isEqualTo("name");
                    assertThat(refused.getMessage()).contains(RED_RULE);
                    JsonNode error = readTree(refused.rawBody()).get("error");
                    assertThat(error.fieldNames()).toIterable().contains("type", "message", "code", "param");
                    assertThat(error.get("param").asText()).isEqualTo("name");
                    assertThat(error.get("message").asText()).contains(RED_RULE);
                });
        assertThat(widgetCount()).as("the server refused it too").isEqualTo(before);

        assertThat(client.widgets().create(new WidgetCreateRequest().name("12345678").color(WidgetCreateRequest.ColorEnum.RED))
                .getName()).as("the limit itself is allowed").isEqualTo("12345678");
    }

    @Test
    void creatingAWidgetRecordsAWidgetCreatedEventAboutIt() {
        Widget created = client.widgets().create(new WidgetCreateRequest().name("cog").color(WidgetCreateRequest.ColorEnum.BLUE));

        List<Event> events = client.events().list(ListEventsParams.builder().type("widget.created").limit(20).build()).data();
        Event event = events.stream()
                .filter(each -> each.getData().getObject().json().path("id").asText().equals(created.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no widget.created event about " + created.getId() + " in " + events));
        assertThat(event.getType()).isEqualTo("widget.created");
        assertThat(event.getData().getObject().type()).isEqualTo("widget");
        assertThat(event.getData().getObject().as(Widget.class)).as("typed by the EventObject mapping")
                .hasValueSatisfying(widget -> assertThat(widget).isEqualTo(created));
        assertThat(client.events().retrieve(event.getId()).getType()).isEqualTo("widget.created");
    }

    @Test
    void prismServesTheFixtureExamples(PrismServer prism) throws IOException, InterruptedException {
        JsonNode examples = new YAMLMapper().readTree(fixture).path("components").path("examples");
        JsonNode red = examples.path("WidgetRed").path("value");
        String id = red.path("id").asText();
        HttpClient http = HttpClient.newHttpClient();

        assertThat(call(http, prism, "POST", "/v1/widgets", examples.path("WidgetCreateRedRequest").path("value").toString()))
                .isEqualTo(red);
        assertThat(call(http, prism, "GET", "/v1/widgets/" + id, null)).isEqualTo(red);
        assertThat(call(http, prism, "GET", "/v1/widgets?limit=10", null)).isEqualTo(examples.path("WidgetListPage").path("value"));
        assertThat(call(http, prism, "DELETE", "/v1/widgets/" + id, null)).isEqualTo(examples.path("WidgetDeleted").path("value"));

        try (PingppClient prismClient = PingppClient.builder().apiKey("sk_test_pipelineProof0000000000")
                .baseUrl(prism.baseUri()).maxRetries(0).build()) {
            assertThat(prismClient.widgets().retrieve(id).getId()).isEqualTo(id);
            assertThat(prismClient.widgets().list().data()).extracting(Widget::getId).containsExactly(id);
        }
    }

    private static JsonNode call(HttpClient http, PrismServer prism, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(prism.baseUri().toString().replaceAll("/$", "") + path))
                .header("Authorization", "Bearer sk_test_pipelineProof0000000000")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return readTree(response.body());
    }

    private int widgetCount() {
        return (int) client.widgets().list(ListWidgetsParams.builder().limit(20).build()).autoPaging().stream().count();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
