package org.pingppopenapi.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The shipped spec parses cleanly")
class SpecParsesCleanlyTest {

    @Test
    void isWellFormedYamlWithoutDuplicateKeys() {
        assertThatCode(SpecDocument::shipped).doesNotThrowAnyException();
    }

    @Test
    void swaggerParserReportsNoMessages() {
        assertThat(SpecDocument.shipped().resolvingParserMessages()).isEmpty();
    }

    @Test
    void validatesAgainstTheOfficialOpenApi30JsonSchema() {
        assertThat(OpenApi30JsonSchema.violations(SpecDocument.shipped().tree())).isEmpty();
    }

    @Nested
    @DisplayName("The checks are proven on fixtures")
    class ChecksAreProven {

        @Test
        void compliantFixturePassesEveryCheck() {
            SpecDocument compliant = SpecDocument.fixture("compliant.yaml");

            assertThat(compliant.resolvingParserMessages()).isEmpty();
            assertThat(OpenApi30JsonSchema.violations(compliant.tree())).isEmpty();
        }

        @Test
        void swaggerParserReportsUnresolvableRefsAndUndeclaredPathParameters() {
            assertThat(SpecDocument.fixture("parse/unresolvable-ref.yaml").resolvingParserMessages())
                    .anyMatch(message -> message.contains("#/components/schemas/Missing"))
                    .anyMatch(message -> message.contains("Declared path parameter charge_id needs to be defined"));
        }

        @Test
        void jsonSchemaCatchesWhatSwaggerParserLetsThrough() {
            SpecDocument fixture = SpecDocument.fixture("parse/breaks-openapi-json-schema.yaml");

            assertThat(fixture.resolvingParserMessages()).as("swagger-parser's view").isEmpty();
            assertThat(OpenApi30JsonSchema.violations(fixture.tree()))
                    .anyMatch(violation -> violation.startsWith("/info/version"))
                    .anyMatch(violation -> violation.startsWith("/components/schemas/Charge/properties/id/type"))
                    .anyMatch(violation -> violation.startsWith("/components/schemas/Charge/properties/id/minLength"));
        }

        @Test
        void duplicateKeysAreRefused() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SpecDocument.fixture("parse/duplicate-keys.yaml"))
                    .withMessageContaining("not well-formed YAML")
                    .withMessageContaining("Duplicate")
                    .withMessageContaining("/v1/charges");
        }
    }
}
