package org.pingppopenapi.client.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One generated Java source file, written line by line with indentation. */
final class JavaFile {

    static final String GENERATED = "@jakarta.annotation.Generated(\"org.pingppopenapi.client.build.ClientSources\")";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final String packageName;
    private final String simpleName;
    private final StringBuilder text = new StringBuilder();
    private int indent;

    JavaFile(String packageName, String simpleName) {
        this.packageName = packageName;
        this.simpleName = simpleName;
        text.append("// Generated from the Ping++ spec by org.pingppopenapi.client.build.ClientSources. Do not edit.\n")
                .append("package ").append(packageName).append(";\n\n");
    }

    JavaFile line(String line) {
        if (!line.isEmpty()) {
            text.append("    ".repeat(indent)).append(line);
        }
        text.append('\n');
        return this;
    }

    JavaFile line() {
        return line("");
    }

    /** A line that opens a block: {@code line + " {"}, then indents. */
    JavaFile open(String line) {
        line(line + " {");
        indent++;
        return this;
    }

    /** Closes a block. */
    JavaFile close() {
        indent--;
        return line("}");
    }

    JavaFile close(String suffix) {
        indent--;
        return line("}" + suffix);
    }

    /** A Javadoc comment of paragraphs (null and blank ones are left out) and tag lines ({@code @param ...}). */
    JavaFile javadoc(List<String> paragraphs, List<String> tags) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : paragraphs) {
            if (paragraph == null || paragraph.isBlank()) {
                continue;
            }
            for (String part : paragraph.strip().split("\n\\s*\n")) {
                if (!lines.isEmpty()) {
                    lines.add("<p>");
                }
                lines.addAll(List.of(part.strip().split("\n")));
            }
        }
        if (!tags.isEmpty() && !lines.isEmpty()) {
            lines.add("");
        }
        lines.addAll(tags);
        if (lines.isEmpty()) {
            return this;
        }
        line("/**");
        for (String each : lines) {
            line(each.isEmpty() ? " *" : " * " + each);
        }
        return line(" */");
    }

    JavaFile javadoc(String... paragraphs) {
        return javadoc(List.of(paragraphs), List.of());
    }

    /** Spec text (Markdown-ish) as Javadoc: HTML escaped, {@code `code`} as {@code <code>}. */
    static String doc(String text) {
        if (text == null) {
            return null;
        }
        String escaped = text.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("@", "&#64;").replace("\\", "&#92;");
        Matcher code = CODE.matcher(escaped);
        StringBuilder result = new StringBuilder();
        while (code.find()) {
            code.appendReplacement(result, Matcher.quoteReplacement("<code>" + code.group(1) + "</code>"));
        }
        code.appendTail(result);
        return result.toString();
    }

    /** A Java string literal. */
    static String literal(String value) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                default -> literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    void writeTo(Path sourceRoot) {
        Path file = sourceRoot.resolve(packageName.replace('.', '/')).resolve(simpleName + ".java");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
