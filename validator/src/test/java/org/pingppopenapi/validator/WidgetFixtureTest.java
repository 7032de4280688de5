package org.pingppopenapi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingppopenapi.spec.SpecBundle;
import org.pingppopenapi.validator.internal.cli.ValidateCommand;

/**
 * A newer revision of the spec, made of the spec's sources plus a toy {@code widgets} resource
 * ({@code fixtures/widgets.yaml}: a create request body with one rule on a field), loads with no Java written for it:
 * the validator gets a {@code widget} kind that enforces the rule, and the command line lists and validates it.
 */
class WidgetFixtureTest {

    private static final RequestKind WIDGET = RequestKind.named("widget");
    private static final Instant NOW = Instant.ofEpochSecond(Fixtures.NOW);

    private static String spec;
    private static PingppValidator validator;

    @BeforeAll
    static void bundleTheSpecWithWidgets() throws Exception {
        Path root = Path.of(System.getProperty("pingpp.root", "..")).resolve("spec/openapi/pingpp-openapi.yaml");
        List<Path> fragments = new ArrayList<>(SpecBundle.fragmentsOf(root));
        fragments.add(Path.of(WidgetFixtureTest.class.getResource("/fixtures/widgets.yaml").toURI()));
        spec = SpecBundle.bundle(root, fragments);
        validator = PingppValidator.fromSpec(new ByteArrayInputStream(spec.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theRevisionHasAWidgetKindBesideEveryKindOfTheShippedSpec() {
        List<RequestKind> shipped = PingppValidator.fromSpec().kinds();
        assertThat(validator.kinds()).containsAll(shipped).contains(WIDGET).hasSize(shipped.size() + 1);
        assertThat(validator.requestSchema(WIDGET)).isEqualTo("WidgetCreateRequest");
        assertThatThrownBy(() -> PingppValidator.fromSpec().validate(WIDGET, Json.object("{}"), NOW))
                .as("the shipped spec has no widgets").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'widget'");
    }

    @Test
    void theWidgetRuleIsEnforcedOnBothSidesOfItsLimit() {
        assertThat(validator.ruleIds()).contains("widget.name.red");
        assertThat(validator.validate(WIDGET, Json.object("{\"name\":\"12345678\",\"color\":\"red\"}"), NOW)).isEmpty();
        assertThat(validator.validate(WIDGET, Json.object("{\"name\":\"123456789\",\"color\":\"red\"}"), NOW))
                .extracting(Violation::field, Violation::rule).containsExactly(tuple("name", "widget.name.red"));
        assertThat(validator.validate(WIDGET, Json.object("{\"name\":\"123456789\",\"color\":\"blue\"}"), NOW))
                .as("the rule applies to red widgets only").isEmpty();
        assertThat(validator.validate(WIDGET, Json.object("{\"name\":\"123456789\",\"color\":\"green\",\"size\":0}"), NOW))
                .extracting(Violation::field, Violation::rule).containsExactly(tuple("color", "schema.enum"), tuple("size", "schema.minimum"));
    }

    @Test
    void theSeedKindsStillWorkInTheRevision() {
        assertThat(validator.validate(Kinds.CHARGE, Fixtures.charge("upacp"), NOW)).isEmpty();
        assertThat(validator.validate(Kinds.CHARGE, Json.with(Fixtures.charge("upacp"), "order_no", "1234567"), NOW))
                .extracting(Violation::rule).containsExactly("charge.order_no.unionpay");
    }

    @Test
    void theCommandLineListsAndValidatesTheWidgetKind(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pingpp-openapi-with-widgets.yaml");
        Files.writeString(file, spec, StandardCharsets.UTF_8);

        String listed = run("", 0, "--spec", file.toString(), "--list-kinds");
        assertThat(listed.lines()).contains("widget\tWidgetCreateRequest", "charge\tChargeCreateRequest");
        assertThat(run("", 0, "--spec", file.toString(), "--help")).contains("widget");

        assertThat(run("{\"name\":\"12345678\",\"color\":\"red\"}", 0, "--spec", file.toString(), "widget")).isEmpty();
        assertThat(run("{\"name\":\"123456789\",\"color\":\"red\"}", 1, "--spec", file.toString(), "widget"))
                .contains("\"field\":\"name\",\"rule\":\"widget.name.red\"");
    }

    private static String run(String stdin, int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ValidateCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
        return out.toString(StandardCharsets.UTF_8);
    }
}
