package org.pingppopenapi.validator.internal;

import java.util.ArrayList;
import java.util.List;
import org.pingppopenapi.validator.Violation;

/** One validation run: the creation time rules measure {@code time_expire} from, and the violations found so far. */
final class Evaluation {

    /** The creation time of the request, in Unix seconds. */
    final long now;

    private List<Violation> violations;

    Evaluation(long now) {
        this.now = now;
    }

    /** Records a violation; the message reads "{field} {problem} ({rule}[, schema {via}])". */
    void report(Location at, String rule, String problem, String viaSchema) {
        if (violations == null) {
            violations = new ArrayList<>(4);
        }
        String field = at.toString();
        String message = viaSchema == null
                ? field + " " + problem + " (" + rule + ")"
                : field + " " + problem + " (" + rule + ", schema " + viaSchema + ")";
        violations.add(new Violation(field, rule, message));
    }

    List<Violation> violations() {
        return violations == null ? List.of() : List.copyOf(violations);
    }
}
