package org.pingppopenapi.validator.internal;

import java.util.regex.Pattern;

/**
 * Whole-string matching of a spec pattern, by the fastest exact means, decided once when the spec is compiled: a
 * {@link ClassRun} for one repeated class of characters, else a {@link Dfa} for a pattern within
 * {@link RegexSubset} (every pattern of the spec is), else {@link java.util.regex}. All give the same answers.
 */
final class WholeMatch {

    private final Pattern pattern;
    private final ClassRun classRun;
    private final Dfa dfa;

    private WholeMatch(Pattern pattern, ClassRun classRun, Dfa dfa) {
        this.pattern = pattern;
        this.classRun = classRun;
        this.dfa = dfa;
    }

    /** Compiles a pattern; throws {@link java.util.regex.PatternSyntaxException} when it is not a valid Java pattern. */
    static WholeMatch compile(String regex) {
        Pattern pattern = Pattern.compile(regex);
        ClassRun classRun = ClassRun.compile(regex);
        if (classRun != null) {
            return new WholeMatch(pattern, classRun, null);
        }
        String subset = RegexSubset.toBrics(regex);
        return new WholeMatch(pattern, null, subset == null ? null : Dfa.compile(subset));
    }

    Pattern pattern() {
        return pattern;
    }

    /** The class run that does the work, or null. */
    ClassRun classRun() {
        return classRun;
    }

    /** The automaton that does the work, or null. */
    Dfa dfa() {
        return dfa;
    }

    /** Which matcher does the work: {@code class run}, {@code automaton} or {@code java.util.regex}. */
    String engine() {
        return classRun != null ? "class run" : dfa != null ? "automaton" : "java.util.regex";
    }

    boolean matches(String text) {
        if (classRun != null) {
            return classRun.matches(text);
        }
        return dfa != null ? dfa.matches(text) : Problems.matchesWhole(pattern, text);
    }
}
