package org.pingppopenapi.validator.internal;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import dk.brics.automaton.RunAutomaton;

/**
 * A minimal deterministic automaton that decides whether a whole string matches a pattern, one table lookup per
 * character and no backtracking, so no input can make it slow or overflow the stack. Built by
 * {@code dk.brics.automaton}; ASCII characters step through a table of character classes, the others through
 * the library's run automaton.
 */
final class Dfa {

    /** Patterns whose automaton would be larger are left to java.util.regex. */
    static final int MAX_STATES = 1_000;

    private static final int ASCII = 128;

    private final Automaton minimal;
    private final RunAutomaton automaton;
    /**
     * The states are numbered by their row in {@link #asciiStep}, {@code state * classes}, so that one step is one
     * addition and one load.
     */
    private final int initialRow;
    private final boolean[] accepting;
    /** The class of each ASCII character: characters of one class step alike from every state. */
    private final byte[] asciiClass;
    private final int classes;
    /** {@code row + class} to the row of the next state, or -1 when no string with this prefix can match. */
    private final int[] asciiStep;

    private Dfa(Automaton minimal) {
        this.minimal = minimal;
        RunAutomaton automaton = new RunAutomaton(minimal, false);
        this.automaton = automaton;
        int states = automaton.getSize();
        this.accepting = new boolean[states];
        for (int state = 0; state < states; state++) {
            accepting[state] = automaton.isAccept(state);
        }
        byte[] classOf = new byte[ASCII];
        int[][] classColumns = new int[ASCII][];
        int classCount = 0;
        for (char c = 0; c < ASCII; c++) {
            int[] column = new int[states];
            for (int state = 0; state < states; state++) {
                column[state] = automaton.step(state, c);
            }
            int found = -1;
            for (int k = 0; k < classCount && found < 0; k++) {
                if (java.util.Arrays.equals(classColumns[k], column)) {
                    found = k;
                }
            }
            if (found < 0) {
                found = classCount;
                classColumns[classCount++] = column;
            }
            classOf[c] = (byte) found;
        }
        this.asciiClass = classOf;
        this.classes = classCount;
        this.asciiStep = new int[states * classCount];
        for (int state = 0; state < states; state++) {
            for (int k = 0; k < classCount; k++) {
                int next = classColumns[k][state];
                asciiStep[state * classCount + k] = next < 0 ? -1 : next * classCount;
            }
        }
        this.initialRow = automaton.getInitialState() * classCount;
    }

    /**
     * The automaton of a pattern in the library's syntax (see {@link RegexSubset}), or null when the library
     * cannot read it or the automaton would have more than {@link #MAX_STATES} states.
     */
    static Dfa compile(String bricsRegex) {
        Automaton automaton;
        try {
            automaton = new RegExp(bricsRegex, RegExp.NONE).toAutomaton(true);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
        if (automaton.getNumberOfStates() > MAX_STATES) {
            return null;
        }
        return new Dfa(automaton);
    }

    /** The minimal automaton the tables step through (the generated acceptor writes its states out as code). */
    Automaton automaton() {
        return minimal;
    }

    boolean matches(String text) {
        int row = initialRow;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            row = c < ASCII ? asciiStep[row + asciiClass[c]] : nonAsciiStep(row, c);
            if (row < 0) {
                return false;
            }
        }
        return accepting[row / classes];
    }

    private int nonAsciiStep(int row, char c) {
        int next = automaton.step(row / classes, c);
        return next < 0 ? -1 : next * classes;
    }
}
