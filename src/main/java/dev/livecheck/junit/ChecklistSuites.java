package dev.livecheck.junit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The checklist tests the compiled suites have — every {@link Checks} method of a package, with its items and whether
 * it is nightly-only ({@code @Tag("nightly")} on it or its class) — and the committed expectation of them,
 * {@value #EXPECTATION} (in the checklist suites' jar; {@code -Dlivecheck.expectedTests=<file>} for another), which a
 * unit test keeps equal to the code. A test the expectation names and the code lacks was deleted or renamed: the gate
 * names it missing.
 */
public final class ChecklistSuites {
    public static final String EXPECTATION = "livecheck/checklist-tests.txt";
    public static final String NIGHTLY = "nightly";
    private static final String HEADER = """
            # The checklist's tests, as the compiled suites have them: the release gate expects a run to have every one of them
            # for its items (nightly-only ones in the nightly run). ChecklistTestsFileTest keeps this file equal to the code, so a
            # test deleted or renamed is a change here too, for review. Format: <items> <class.method> [nightly]
            """;

    private ChecklistSuites() {
    }

    /** One checklist test: {@code class.method} (as Allure's fullName), its items, nightly-only or not. */
    public record Entry(String test, List<String> items, boolean nightly, String name) {
        public Entry {
            items = List.copyOf(items);
        }

        String line() {
            return String.join(",", items) + " " + test + (nightly ? " " + NIGHTLY : "");
        }

        String packageName() {
            String cls = test.substring(0, test.lastIndexOf('.'));
            return cls.contains(".") ? cls.substring(0, cls.lastIndexOf('.')) : "";
        }
    }

    /** The committed expectation and where it came from. */
    public record Expectation(String source, List<Entry> entries) {
    }

    /** Every checklist test in these packages, sorted. */
    public static List<Entry> inCode(Collection<String> packages) {
        List<Entry> entries = new ArrayList<>();
        for (String pkg : packages) {
            for (Class<?> cls : ReflectionSupport.findAllClassesInPackage(pkg, c -> true, n -> true)) {
                for (Method m : cls.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Checks.class)) {
                        entries.add(of(m));
                    }
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::test));
        return entries;
    }

    public static Entry of(Method m) {
        String name = Optional.ofNullable(m.getAnnotation(DisplayName.class)).map(DisplayName::value).orElse(m.getName());
        return new Entry(m.getDeclaringClass().getName() + "." + m.getName(), Arrays.asList(m.getAnnotation(Checks.class).value()), nightly(m), name);
    }

    static boolean nightly(Method m) {
        return AnnotationSupport.findRepeatableAnnotations(m, Tag.class).stream().anyMatch(t -> t.value().equals(NIGHTLY))
                || AnnotationSupport.findRepeatableAnnotations(m.getDeclaringClass(), Tag.class).stream().anyMatch(t -> t.value().equals(NIGHTLY));
    }

    /** The expectation: the file {@code livecheck.expectedTests} names, else the classpath's; empty when there is none. */
    public static Optional<Expectation> expectation() {
        String file = System.getProperty("livecheck.expectedTests");
        try {
            if (file != null && !file.isBlank()) {
                return Optional.of(new Expectation(file, parse(Files.readString(Path.of(file), StandardCharsets.UTF_8))));
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(EXPECTATION)) {
                return in == null ? Optional.empty()
                        : Optional.of(new Expectation(EXPECTATION, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
            }
        } catch (IOException | RuntimeException e) {
            throw new dev.livecheck.config.LivecheckException("cannot read the expected checklist tests (" + (file != null ? file : EXPECTATION)
                    + "): " + e.getMessage() + " — fix or regenerate it (see ChecklistTestsFileTest)");
        }
    }

    public static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words.length < 2 || words.length > 3 || (words.length == 3 && !words[2].equals(NIGHTLY))) {
                throw new IllegalArgumentException("malformed line \"" + line + "\": write <items> <class.method> [nightly]");
            }
            String test = words[1];
            entries.add(new Entry(test, Arrays.asList(words[0].split(",")), words.length == 3, test.substring(test.lastIndexOf('.') + 1)));
        }
        return entries;
    }

    /** The expectation file's text for these tests. */
    public static String format(List<Entry> entries) {
        StringBuilder text = new StringBuilder(HEADER);
        entries.stream().sorted(Comparator.comparing(Entry::test)).forEach(e -> text.append(e.line()).append('\n'));
        return text.toString();
    }
}
