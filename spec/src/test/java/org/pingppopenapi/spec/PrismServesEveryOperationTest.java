package org.pingppopenapi.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pingppopenapi.prism.PrismOptions;
import org.pingppopenapi.prism.PrismServer;

/**
 * Prism, mocking the shipped spec, accepts the request each operation's examples describe and answers with the
 * operation's first 2xx example: the examples, schemas and security of the spec agree with each other as a
 * spec-driven mock sees them, which is what the generated client's contract tests rely on.
 */
@DisplayName("Prism serves every operation of the shipped spec from its examples")
class PrismServesEveryOperationTest {

    /** Prism reads the classpath copy: exactly the bytes the requests and expectations are derived from. */
    @AutoClose
    private static PrismServer prism;

    @BeforeAll
    static void startPrism() {
        prism = PrismServer.startMock(SpecDocument.shipped().file(), PrismOptions.defaults());
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersWithItsFirstExample() {
        SpecDocument spec = SpecDocument.shipped();
        ExampleRoundTrip roundTrip = new ExampleRoundTrip(spec, prism.baseUri());
        List<OperationSite> operations = OperationSite.all(spec.model());
        assertThat(operations).as("operations in %s", spec.name()).isNotEmpty();

        return operations.stream().map(site -> dynamicTest(site.label() + " (" + site.method() + " " + site.path() + ")",
                () -> assertThat(roundTrip.problems(site)).as("%s; Prism's log: %s", site.label(), prism.logFile()).isEmpty()));
    }

    @Nested
    @DisplayName("The round trip is proven on fixtures")
    class RoundTripIsProven {

        @AutoClose
        private static PrismServer misbehaving;
        @AutoClose
        private static PrismServer compliant;

        @BeforeAll
        static void startPrisms() {
            misbehaving = PrismServer.startMock(SpecDocument.fixture("prism/misbehaving.yaml").file(), PrismOptions.defaults());
            compliant = PrismServer.startMock(SpecDocument.fixture("compliant.yaml").file(), PrismOptions.defaults());
        }

        @Test
        void compliantFixtureIsServedExactly() throws InterruptedException {
            assertThat(problemsByOperation(SpecDocument.fixture("compliant.yaml"), compliant))
                    .containsOnlyKeys("createCharge", "retrieveCharge")
                    .allSatisfy((operation, problems) -> assertThat(problems).as(operation).isEmpty());
        }

        @Test
        void eachMisbehaviourIsReported() throws InterruptedException {
            Map<String, List<String>> problems = problemsByOperation(SpecDocument.fixture("prism/misbehaving.yaml"), misbehaving);

            assertThat(problems.get("createCharge")).as("invalid request example")
                    .anyMatch(problem -> problem.startsWith("POST /v1/charges answered 400, not 2xx"))
                    .anyMatch(problem -> problem.contains("with violations") && problem.contains("request.body.amount"));
            assertThat(problems.get("listCharges")).as("required parameter without example")
                    .containsExactly("required query parameter 'limit' has no example to send");
            assertThat(problems.get("retrieveCharge")).as("invalid response example")
                    .anyMatch(problem -> problem.startsWith("GET /v1/charges/ch_1 answered 500, not 2xx"));
            assertThat(problems.get("retrieveEvent")).as("no example to compare with")
                    .containsExactly("no 2xx application/json response has a named example to compare the answer with");
            assertThat(problems.get("retrieveRefund")).as("int64 beyond JavaScript's safe integers")
                    .anyMatch(problem -> problem.startsWith("GET /v1/refunds/re_1 answered 500, not 2xx"));
            assertThat(problems.get("listRecharges")).as("Prism 5 and bracketed query parameter names")
                    .anyMatch(problem -> problem.startsWith("GET /v1/recharges?app[id]=app_1Gqj58ynP0mHeX1q answered 400 with violations")
                            && problem.contains("stoplightio/prism#2443"));
            assertThat(problems.get("retrieveApp")).as("served exactly").isEmpty();
        }

        private static Map<String, List<String>> problemsByOperation(SpecDocument spec, PrismServer server) throws InterruptedException {
            ExampleRoundTrip roundTrip = new ExampleRoundTrip(spec, server.baseUri());
            Map<String, List<String>> problems = new LinkedHashMap<>();
            for (OperationSite site : OperationSite.all(spec.model())) {
                problems.put(site.label(), roundTrip.problems(site));
            }
            return problems;
        }
    }
}
