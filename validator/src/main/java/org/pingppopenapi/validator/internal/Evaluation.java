package org.pingppopenapi.validator.internal;

import java.util.ArrayList;
import java.util.List;
import org.pingppopenapi.validator.Violation;

/**
 * One validation run: the creation time rules measure {@code time_expire} from, where the walk is, and the
 * violations found so far.
 */
final class Evaluation {

    /** The creation time of the request, in Unix seconds. */
    final long now;

    /** Where the walk is; violations are reported there. */
    final Location at = new Location();

    private List<Violation> violations;

    Evaluation(long now) {
        this.now = now;
    }

    /**
     * Records a violation of the property {@code name} of the object at the walk's position, or, when {@code name}
     * is null, of the value at the position itself. The message reads "{field} {problem} ({rule}[, schema {via}])".
     */
    void report(String name, String rule, String problem, String viaSchema) {
        if (violations == null) {
            violations = new ArrayList<>(4);
        }
        String field = at.path(name);
        String message = viaSchema == null
                ? field + " " + problem + " (" + rule + ")"
                : field + " " + problem + " (" + rule + ", schema " + viaSchema + ")";
        violations.add(new Violation(field, rule, message));
    }

    boolean hasViolations() {
        return violations != null;
    }

    List<Violation> violations() {
        return violations == null ? List.of() : List.copyOf(violations);
    }
}
