package dev.livecheck.browser;

import dev.livecheck.redact.Redactor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.bidi.log.BaseLogEntry;
import org.openqa.selenium.bidi.log.LogLevel;
import org.openqa.selenium.bidi.module.LogInspector;
import org.openqa.selenium.firefox.FirefoxDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's console, kept whole: the driver hands each entry out once, so it is collected here. Chromium's comes
 * from chromedriver's log; Firefox's from WebDriver BiDi as it is printed (console calls and uncaught errors, the
 * errors as SEVERE, as chromedriver names them).
 */
public final class ConsoleLog {
    /** Chromedriver prefixes console.log text with the script URL and position, and quotes it. */
    private static final Pattern CONSOLE_API = Pattern.compile("^\\S+ \\d+:\\d+ \"(.*)\"$", Pattern.DOTALL);

    public record Line(Instant time, String level, String message) {
        @Override
        public String toString() {
            return time + " " + level + " " + message;
        }
    }

    private final WebDriver driver;
    private final List<Line> lines = new ArrayList<>();
    /** The console as the browser printed it, before redaction: only ever searched, never shown. */
    private final StringBuilder raw = new StringBuilder();

    ConsoleLog(WebDriver driver) {
        this.driver = driver;
        if (driver instanceof FirefoxDriver) {
            LogInspector inspector = new LogInspector(driver);
            inspector.onConsoleEntry(this::add);
            inspector.onJavaScriptException(this::add);
        }
    }

    private synchronized void add(BaseLogEntry entry) {
        String level = entry.getLevel() == LogLevel.ERROR ? "SEVERE" : entry.getLevel() == LogLevel.WARNING ? "WARNING" : "INFO";
        String text = (entry.getText() == null ? "" : entry.getText()) + where(entry);
        raw.append(text).append('\n');
        lines.add(new Line(Instant.ofEpochMilli(entry.getTimestamp()), level, Redactor.redact(text)));
    }

    public synchronized List<Line> lines() {
        drain();
        return List.copyOf(lines);
    }

    public boolean contains(String text) {
        return lines().stream().anyMatch(l -> l.message().contains(text));
    }

    public long count(String text) {
        return lines().stream().filter(l -> l.message().contains(text)).count();
    }

    public List<Line> errors() {
        return lines().stream().filter(l -> l.level().equals("SEVERE")).toList();
    }

    /** Everything the console printed, unredacted: to search for what must never be there; never log or attach it. */
    public synchronized String rawText() {
        drain();
        return raw.toString();
    }

    public String text() {
        return lines().stream().map(Line::toString).collect(Collectors.joining("\n"));
    }

    private void drain() {
        try {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                raw.append(entry.getMessage()).append('\n');
                lines.add(new Line(Instant.ofEpochMilli(entry.getTimestamp()), entry.getLevel().getName(), Redactor.redact(clean(entry.getMessage()))));
            }
        } catch (RuntimeException closedOrUnsupported) {
            // the browser is gone or does not keep logs: what was collected stays
        }
    }

    /** An uncaught error's innermost frame (Firefox names a thrown object only "Object"): where to look. */
    private static String where(BaseLogEntry entry) {
        if (!(entry instanceof org.openqa.selenium.bidi.log.JavascriptLogEntry) || entry.getStackTrace() == null
                || entry.getStackTrace().getCallFrames().isEmpty()) {
            return "";
        }
        var frame = entry.getStackTrace().getCallFrames().get(0);
        return " (at " + (frame.getFunctionName().isEmpty() ? "" : frame.getFunctionName() + " ") + frame.getUrl().replaceFirst("[?#].*$", "")
                + ":" + frame.getLineNumber() + ":" + frame.getColumnNumber() + ")";
    }

    static String clean(String message) {
        Matcher m = CONSOLE_API.matcher(message);
        return m.matches() ? m.group(1).replace("\\\"", "\"") : message;
    }
}
