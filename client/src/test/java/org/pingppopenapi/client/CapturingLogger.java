package org.pingppopenapi.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger, every level enabled, that keeps each line as it would be printed (with any stack trace). */
final class CapturingLogger extends LegacyAbstractLogger {

    record Line(Level level, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    CapturingLogger() {
        this.name = "capturing";
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    List<String> texts(Level level) {
        return lines.stream().filter(line -> line.level() == level).map(Line::text).toList();
    }

    /** Everything logged, as one text. */
    String all() {
        StringBuilder all = new StringBuilder();
        lines.forEach(line -> all.append(line.level()).append(' ').append(line.text()).append('\n'));
        return all.toString();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        String text = MessageFormatter.basicArrayFormat(pattern, arguments);
        if (throwable != null) {
            java.io.StringWriter trace = new java.io.StringWriter();
            throwable.printStackTrace(new java.io.PrintWriter(trace));
            text += "\n" + trace;
        }
        lines.add(new Line(level, text));
    }

    @Override
    public boolean isTraceEnabled() {
        return true;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }
}
