package org.pingppopenapi.server.internal;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Objects;

/**
 * Answers the Bean Validation failures of a request (the constraints of the generated interfaces and models,
 * including the channel rules) with 400 and the field at fault as {@code param}. A constraint broken by what a
 * resource returned, or a constraint declared wrongly, is the server's fault: 500, logged.
 *
 * <p>Registered for {@link ValidationException} so that it, not Jersey's own validation mapper (which answers in
 * plain text), handles these.
 */
public final class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {

    private static final System.Logger LOG = System.getLogger(ValidationExceptionMapper.class.getName());

    private final ViolationTranslator translator;

    public ValidationExceptionMapper(ViolationTranslator translator) {
        this.translator = Objects.requireNonNull(translator, "translator");
    }

    @Override
    public Response toResponse(ValidationException exception) {
        if (exception instanceof ConstraintViolationException violations
                && !violations.getConstraintViolations().isEmpty()
                && violations.getConstraintViolations().stream().noneMatch(ViolationTranslator::concernsReturnValue)) {
            return ErrorResponses.of(translator.toError(violations.getConstraintViolations()));
        }
        LOG.log(System.Logger.Level.ERROR, "Bean Validation failed on the server's side; answering 500", exception);
        return ErrorResponses.of(ErrorResponses.serverError(500));
    }
}
