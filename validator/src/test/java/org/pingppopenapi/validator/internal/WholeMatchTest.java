package org.pingppopenapi.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pingppopenapi.spec.PingppSpec;

/**
 * The fast pattern matchers agree with {@link java.util.regex} ({@code Matcher.matches()}), which defines what a
 * spec pattern means: on every pattern of the spec, on made-up patterns that probe the translation, and on strings
 * chosen to sit on either side of each pattern. Seeded; the seed is printed and in every failure.
 */
class WholeMatchTest {

    private static final long SEED = Long.getLong("pingpp.property.seed", new SecureRandom().nextLong());
    private static final int RANDOM_STRINGS = 3_000;

    private static final String IPV4 = "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$";

    /** Patterns within the automaton subset, written to exercise its corners. */
    private static final List<String> AUTOMATON_PATTERNS = List.of(
            "^a|b$", "(ab|c){2,3}", "^[a-c-]x?$", "^[-a]+$", "^\\$[0-9]+\\.[0-9]{2}$", "^[\u4e00-\u9fa5]{1,4}$",
            "^\"a\"$", "^a#b@c&d~e<1-2>$", "^(a|bc)*d+$", "^x{0}y{2,}$", "^[.*+?]{1,3}$", "^(1|22|333)?$", "^[\\]\\\\\\[]+$",
            "^é+$", "^[A-Z][a-z]*( [A-Z][a-z]*){0,2}$");

    /** Patterns the automaton would get wrong or cannot express, left to java.util.regex. */
    private static final List<String> JAVA_ONLY_PATTERNS = List.of(
            "^\\d+$", "^.+$", "^[^a]$", "(?i)abc", "^a*?$", "^a++$", "\\bword\\b", "^[a-z&&[^e]]+$", "^(a)\\1$",
            "^\\p{L}+$", "^$", "^a|$", "^[a-z-0]$", "^\\Qa.b\\E$", "^a{2}{3}$", "^\\u0041$", "^\\x41$", "^(?:ab)+$");

    private static final String EXTRA_CHARACTERS = "\n\r \t.-_aAzZ09é中\u0085\u2028\u0000\"#@&~<>\\";

    @TestFactory
    Stream<DynamicTest> everyMatcherAgreesWithJavaRegex() {
        System.out.println("WholeMatchTest seed " + SEED + " (rerun with -Dpingpp.property.seed=" + SEED + ")");
        Set<String> patterns = new LinkedHashSet<>(specPatterns());
        patterns.addAll(AUTOMATON_PATTERNS);
        patterns.addAll(JAVA_ONLY_PATTERNS);
        return patterns.stream().map(regex -> dynamicTest(regex + " (seed " + SEED + ")", () -> assertAgreement(regex)));
    }

    @Test
    void everySpecPatternIsMatchedWithoutJavaRegex() {
        for (String regex : specPatterns()) {
            assertThat(WholeMatch.compile(regex).engine()).as(regex).isNotEqualTo("java.util.regex");
        }
        assertThat(WholeMatch.compile(IPV4).engine()).isEqualTo("automaton");
        assertThat(WholeMatch.compile("^[A-Za-z0-9]+$").engine()).isEqualTo("class run");
    }

    @Test
    void theSubsetIsTranslatedOnlyWhereExact() {
        for (String regex : AUTOMATON_PATTERNS) {
            assertThat(WholeMatch.compile(regex).engine()).as(regex).isIn("automaton", "class run");
        }
        for (String regex : JAVA_ONLY_PATTERNS) {
            assertThat(WholeMatch.compile(regex).engine()).as(regex).isEqualTo("java.util.regex");
        }
    }

    @Test
    void ipv4Boundaries() {
        WholeMatch ipv4 = WholeMatch.compile(IPV4);
        for (String valid : List.of("0.0.0.0", "127.0.0.1", "255.255.255.255", "249.250.199.100", "9.99.100.1")) {
            assertThat(ipv4.matches(valid)).as(valid).isTrue();
        }
        for (String invalid : List.of("256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "1..2.3", "1.2.3.4\n", " 1.2.3.4",
                "1.2.3.4 ", "a.b.c.d", "300.1.1.1", "1.2.3.-4", "", "1.2.3.4.", "١.٢.٣.٤")) {
            assertThat(ipv4.matches(invalid)).as(invalid).isFalse();
        }
    }

    private static void assertAgreement(String regex) {
        Pattern java = Pattern.compile(regex);
        WholeMatch fast = WholeMatch.compile(regex);
        Random random = new Random(SEED ^ regex.hashCode());
        for (String text : samples(java, alphabetOf(regex), random)) {
            assertThat(fast.matches(text)).as("%s on \"%s\" (%s, seed %d)", regex, escape(text), fast.engine(), SEED)
                    .isEqualTo(java.matcher(text).matches());
        }
    }

    /** Random strings over the pattern's own characters and some troublesome others, and mutations of the matches. */
    private static List<String> samples(Pattern java, String alphabet, Random random) {
        List<String> samples = new ArrayList<>(List.of("", "0.0.0.0", "255.255.255.255", "256.1.1.1", "1.1.1.01"));
        List<String> matches = new ArrayList<>();
        for (int i = 0; i < RANDOM_STRINGS; i++) {
            String text = randomString(alphabet, random);
            samples.add(text);
            if (java.matcher(text).matches()) {
                matches.add(text);
            }
        }
        if (java.pattern().equals(IPV4)) {
            for (int i = 0; i < RANDOM_STRINGS; i++) {
                String ip = octet(random) + "." + octet(random) + "." + octet(random) + "." + octet(random);
                samples.add(ip);
                matches.add(ip);
            }
        }
        for (String match : matches) {
            samples.add(mutate(match, alphabet, random));
        }
        return samples;
    }

    private static String octet(Random random) {
        int value = random.nextInt(300);
        return random.nextInt(10) == 0 ? "0" + value : Integer.toString(value);
    }

    private static String randomString(String alphabet, Random random) {
        int length = random.nextInt(random.nextBoolean() ? 6 : 24);
        int codePoints = alphabet.codePointCount(0, alphabet.length());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(codePoints))));
        }
        return text.toString();
    }

    private static String mutate(String text, String alphabet, Random random) {
        StringBuilder mutated = new StringBuilder(text);
        int position = mutated.length() == 0 ? 0 : random.nextInt(mutated.length());
        char replacement = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
            case 0 -> mutated.insert(position, replacement);
            case 1 -> {
                if (mutated.length() > 0) {
                    mutated.deleteCharAt(position);
                }
            }
            default -> {
                if (mutated.length() > 0) {
                    mutated.setCharAt(position, replacement);
                }
            }
        }
        return mutated.toString();
    }

    /** The characters of the pattern and their neighbours, {@link #EXTRA_CHARACTERS}, and a character beyond the BMP. */
    private static String alphabetOf(String regex) {
        StringBuilder alphabet = new StringBuilder(EXTRA_CHARACTERS);
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            alphabet.append(c).append((char) (c + 1)).append((char) Math.max(0, c - 1));
        }
        return alphabet.toString().replaceAll("[\\uD800-\\uDFFF]", "") + "😀";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\u0000", "\\0");
    }

    private static List<String> specPatterns() {
        JsonNode document;
        try (InputStream in = PingppSpec.open()) {
            document = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> patterns = new LinkedHashSet<>();
        collectPatterns(document, patterns);
        assertThat(patterns).as("patterns of the spec").isNotEmpty();
        return List.copyOf(patterns);
    }

    private static void collectPatterns(JsonNode node, Set<String> patterns) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("pattern") && field.getValue().isTextual()) {
                    patterns.add(field.getValue().textValue());
                }
                collectPatterns(field.getValue(), patterns);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectPatterns(item, patterns));
        }
    }
}
