package org.pingppopenapi.sandbox.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.pingppopenapi.sandbox.domain.NoChargeEssentials;
import org.pingppopenapi.server.PingppJson;

/**
 * The JSON mapping of the server stubs ({@link PingppJson}) with the spec's nullable fields written as
 * {@code null} when unset ({@link SpecNullability}), and an order's payment essentials as {@code {}} before a payment
 * started ({@link NoChargeEssentials}). Its priority puts it ahead of the stubs' own provider.
 */
@Priority(1000)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class SandboxJsonProvider extends JacksonJsonProvider {

    public SandboxJsonProvider() {
        super(mapper());
    }

    /** Writes {@code {}}. */
    private static final class EmptyObject extends StdSerializer<NoChargeEssentials> {

        private static final long serialVersionUID = 1L;

        EmptyObject() {
            super(NoChargeEssentials.class);
        }

        @Override
        public void serialize(NoChargeEssentials value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeStartObject();
            generator.writeEndObject();
        }
    }

    /** The mapper: shared by the webhook bodies, so an event reads the same in a webhook and from the API. */
    public static ObjectMapper mapper() {
        ObjectMapper mapper = PingppJson.newObjectMapper();
        mapper.setAnnotationIntrospector(new SpecNullability());
        mapper.registerModule(new SimpleModule("sandbox").addSerializer(NoChargeEssentials.class, new EmptyObject()));
        return mapper;
    }
}
