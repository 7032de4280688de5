package org.pingppopenapi.bench;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pingppopenapi.spec.PingppSpec;
import org.pingppopenapi.validator.PingppValidator;
import org.pingppopenapi.validator.RequestKind;
import org.pingppopenapi.validator.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Throughput of validating one typical, valid UnionPay charge request, already parsed:
 * <ul>
 *   <li>{@code engine}: the rule engine, schema constraints and every channel rule (JSON tree), as shipped: the code
 *       generated from the spec at build time recognizes a valid payload, the interpreter explains an invalid one;</li>
 *   <li>{@code engineInterpreterOnly}: the same engine with no generated code (as for a spec passed in at run time);</li>
 *   <li>{@code engineOnModel}: the same through {@code validate(Object)}, including the model-to-tree conversion;</li>
 *   <li>{@code networkntJsonSchema}: the spec's {@code ChargeCreateRequest} JSON Schema (OpenAPI 3.0 dialect) with
 *       networknt json-schema-validator, which checks no channel rule;</li>
 *   <li>{@code hibernateValidatorFieldConstraints}: Hibernate Validator on a bean with the generic field
 *       constraints only.</li>
 * </ul>
 * Every contender is checked in the set-up: it must accept the charge, and reject a broken copy naming each broken
 * field ({@link #BROKEN_CHARGE}), so that none is measured doing less than its job. The schema, validator factory and
 * engine are built once per trial, never per call; results go to JMH's blackhole as return values.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ChargeValidationBenchmark}. On a shared machine add
 * {@code -prof org.pingppopenapi.bench.CpuTimeProfiler}: CPU time per operation does not change when other
 * processes take the cores away, as throughput does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChargeValidationBenchmark {

    static final String CHARGE = """
            {"order_no":"201706060000016","amount":100,"app":{"id":"app_1Gqj58ynP0mHeX1q"},"channel":"upacp","currency":"cny",
             "client_ip":"127.0.0.1","subject":"Your Subject","body":"Your Body","time_expire":1700001800,
             "metadata":{"color":"red"},"description":"A typical charge"}""";
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    static final RequestKind CHARGE_KIND = RequestKind.named("charge");

    /** The same charge broken in a field of each kind that every contender checks: each must name them all. */
    static final String BROKEN_CHARGE = """
            {"order_no":"2017-0606","amount":0,"app":{"id":"app_1Gqj58ynP0mHeX1q"},"channel":"upacp","currency":"CNY",
             "client_ip":"256.0.0.1","body":"Your Body","time_expire":1700001800,
             "metadata":{"color":"red"},"description":"A typical charge"}""";
    /** The fields broken in {@link #BROKEN_CHARGE} (subject is missing), as JSON names and as bean properties. */
    private static final List<String> BROKEN_FIELDS = List.of("order_no", "amount", "currency", "client_ip", "subject");
    private static final List<String> BROKEN_PROPERTIES = List.of("orderNo", "amount", "currency", "clientIp", "subject");

    /** Where the document lives for networknt; never fetched. */
    private static final String DOCUMENT_IRI = "https://pingpp-openapi.invalid/spec.json";

    private PingppValidator engine;
    private PingppValidator interpreterOnly;
    private com.fasterxml.jackson.databind.JsonNode jackson2Charge;
    private ChargeModel model;
    private Schema jsonSchema;
    private JsonNode jackson3Charge;
    private ValidatorFactory validatorFactory;
    private Validator beanValidator;
    private ChargeBean bean;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        engine = PingppValidator.fromSpec();
        try (InputStream spec = PingppSpec.open()) {
            interpreterOnly = PingppValidator.fromSpec(spec);
        }
        jackson2Charge = JsonMapper.builder().build().readTree(CHARGE);
        model = JsonMapper.builder().build().readValue(CHARGE, ChargeModel.class);

        String document;
        try (InputStream spec = PingppSpec.open()) {
            document = new YAMLMapper().readTree(spec).toString();
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, document)));
        jsonSchema = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#/components/schemas/ChargeCreateRequest"));
        jackson3Charge = tools.jackson.databind.json.JsonMapper.builder().build().readTree(CHARGE);

        validatorFactory = Validation.buildDefaultValidatorFactory();
        beanValidator = validatorFactory.getValidator();
        bean = new ChargeBean();
        bean.orderNo = "201706060000016";
        bean.app = new ChargeBean.AppReference();
        bean.app.id = "app_1Gqj58ynP0mHeX1q";
        bean.channel = "upacp";
        bean.amount = 100L;
        bean.clientIp = "127.0.0.1";
        bean.currency = "cny";
        bean.subject = "Your Subject";
        bean.body = "Your Body";
        bean.timeExpire = 1_700_001_800L;
        bean.metadata = Map.of("color", "red");
        bean.description = "A typical charge";

        requireValid(engine.validate(CHARGE_KIND, jackson2Charge, NOW), "engine");
        requireValid(interpreterOnly.validate(CHARGE_KIND, jackson2Charge, NOW), "engine, interpreter only");
        requireValid(engine.validate(model, NOW), "engine on the model");
        requireValid(jsonSchema.validate(jackson3Charge), "networknt");
        requireValid(beanValidator.validate(bean), "Hibernate Validator");

        // A contender that let a broken charge through would be measured doing less than its job.
        requireRejected(engine.validate(CHARGE_KIND, JsonMapper.builder().build().readTree(BROKEN_CHARGE), NOW).stream()
                .map(Violation::field).toList(), BROKEN_FIELDS, "engine");
        requireRejected(interpreterOnly.validate(CHARGE_KIND, JsonMapper.builder().build().readTree(BROKEN_CHARGE), NOW).stream()
                .map(Violation::field).toList(), BROKEN_FIELDS, "engine, interpreter only");
        requireRejected(engine.validate(JsonMapper.builder().build().readValue(BROKEN_CHARGE, ChargeModel.class), NOW).stream()
                .map(Violation::field).toList(), BROKEN_FIELDS, "engine on the model");
        requireRejected(jsonSchema.validate(tools.jackson.databind.json.JsonMapper.builder().build().readTree(BROKEN_CHARGE)).stream()
                .map(error -> error.getInstanceLocation() + " " + error.getProperty()).toList(), BROKEN_FIELDS, "networknt");
        ChargeBean broken = brokenBean();
        requireRejected(beanValidator.validate(broken).stream().map(violation -> violation.getPropertyPath().toString()).toList(),
                BROKEN_PROPERTIES, "Hibernate Validator");
    }

    private static void requireValid(java.util.Collection<?> problems, String who) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(who + " finds the benchmark's charge invalid: " + problems);
        }
    }

    /** Fails unless each field appears in the contender's account of what is wrong. */
    private static void requireRejected(List<String> reported, List<String> fields, String who) {
        for (String field : fields) {
            if (reported.stream().noneMatch(entry -> entry.contains(field))) {
                throw new IllegalStateException(who + " does not report " + field + " of the broken charge: " + reported);
            }
        }
    }

    private ChargeBean brokenBean() {
        ChargeBean broken = new ChargeBean();
        broken.orderNo = "2017-0606";
        broken.app = bean.app;
        broken.channel = bean.channel;
        broken.amount = 0L;
        broken.clientIp = "256.0.0.1";
        broken.currency = "CNY";
        broken.body = bean.body;
        broken.timeExpire = bean.timeExpire;
        broken.metadata = bean.metadata;
        broken.description = bean.description;
        return broken;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        validatorFactory.close();
    }

    @Benchmark
    public List<Violation> engine() {
        return engine.validate(CHARGE_KIND, jackson2Charge, NOW);
    }

    @Benchmark
    public List<Violation> engineInterpreterOnly() {
        return interpreterOnly.validate(CHARGE_KIND, jackson2Charge, NOW);
    }

    @Benchmark
    public List<Violation> engineOnModel() {
        return engine.validate(model, NOW);
    }

    @Benchmark
    public List<Error> networkntJsonSchema() {
        return jsonSchema.validate(jackson3Charge);
    }

    @Benchmark
    public Set<ConstraintViolation<ChargeBean>> hibernateValidatorFieldConstraints() {
        return beanValidator.validate(bean);
    }
}
