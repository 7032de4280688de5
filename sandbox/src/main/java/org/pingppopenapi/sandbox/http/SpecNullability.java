package org.pingppopenapi.sandbox.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import org.pingppopenapi.sandbox.domain.SpecDocument;

/**
 * Writes the fields the spec marks {@code nullable} even when they are null, as the live API does
 * ({@code "time_paid": null}, {@code "failure_code": null}); other unset fields stay out, as the server stubs'
 * mapping leaves them. The generated model classes are named after their schemas, so the schema of a property
 * is found by its class's simple name and its {@code @JsonProperty} name.
 */
final class SpecNullability extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;
    private static final JsonInclude.Value ALWAYS = JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
            JsonInclude.Include.ALWAYS);

    @Override
    public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
        JsonInclude.Value declared = super.findPropertyInclusion(annotated);
        if (annotated instanceof AnnotatedMember member && isNullableInSpec(member)) {
            return ALWAYS.withOverrides(declared);
        }
        return declared;
    }

    private static boolean isNullableInSpec(AnnotatedMember member) {
        Class<?> model = member.getDeclaringClass();
        JsonProperty property = member.getAnnotation(JsonProperty.class);
        if (property == null || property.value().isEmpty()) {
            return false;
        }
        JsonNode schema = SpecDocument.root().path("components").path("schemas").path(model.getSimpleName());
        return schema.path("properties").path(property.value()).path("nullable").asBoolean(false);
    }
}
