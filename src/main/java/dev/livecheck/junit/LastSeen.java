package dev.livecheck.junit;

import dev.livecheck.browser.Participant;
import dev.livecheck.pages.SessionPage;
import dev.livecheck.profile.SessionState;
import dev.livecheck.redact.Redactor;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a timed-out wait waited for and what it last saw, in words: Awaitility says "condition with Lambda expression in
 * … was not fulfilled" for an {@code until(boolean)}; here the wait's own name, how long, what its last attempt found
 * (an assertion's message, a value), and each browser's page as it was at the end — its state and status text, any
 * error it shows, its URL and the last dialog it raised — redacted.
 */
final class LastSeen {
    private static final Pattern ALIASED = Pattern.compile("(?s)Condition with alias '(.*)' didn't complete within (.+?) because (.*)");
    private static final Pattern UNNAMED = Pattern.compile("(?s)(?:Assertion condition defined as a|Condition with) (.*? in \\S+).* within (.+?)\\.?");
    private static final Pattern PREDICATE = Pattern.compile("(?s).*expected the predicate to return <true> but it returned <false> for input of <(.*)>\\.?");
    private static final Pattern ASSERTED = Pattern.compile("(?s)assertion condition defined as a .*?(?:Lambda expression|\\S+) in \\S+ (.*?)\\.?");
    private static final int TEXT = 120;
    /** A hung page must not hold a failed test up: what it shows is read within this, or said not to answer. */
    private static final java.time.Duration READ = java.time.Duration.ofSeconds(10);
    private static final java.util.concurrent.ExecutorService READERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "livecheck-last-seen");
        t.setDaemon(true);
        return t;
    });

    private LastSeen() {
    }

    /** e.g. {@code client's page shows an error within 7000 ms: not within 7 seconds — last seen: client: connecting ("Joining…") at http://…}. */
    static String timeout(String awaitility, Throwable lastFailure, List<Participant> pages) {
        StringBuilder out = new StringBuilder();
        Matcher named = ALIASED.matcher(awaitility.strip());
        Matcher unnamed = UNNAMED.matcher(awaitility.strip());
        if (named.matches()) {
            out.append(named.group(1)).append(": not within ").append(named.group(2));
            Matcher predicate = PREDICATE.matcher(named.group(3));
            Matcher asserted = ASSERTED.matcher(named.group(3));
            if (lastFailure != null && lastFailure.getMessage() != null && !lastFailure.getMessage().isBlank()) {
                out.append(" — last check: ").append(lastFailure.getMessage().strip());
            } else if (predicate.matches()) {
                out.append(" — last value: ").append(predicate.group(1));
            } else if (asserted.matches()) {
                out.append(" — last check: ").append(asserted.group(1));
            } else if (!named.group(3).matches("(?s)condition with .* was not fulfilled\\.?")) {
                out.append(" — ").append(named.group(3));
            }
        } else if (unnamed.matches()) {
            out.append("a wait with no name (").append(unnamed.group(1)).append("): not within ").append(unnamed.group(2));
            if (lastFailure != null && lastFailure.getMessage() != null) {
                out.append(" — last check: ").append(lastFailure.getMessage().strip());
            }
        } else {
            out.append(awaitility.strip());
        }
        String pagesSeen = pages(pages);
        if (!pagesSeen.isEmpty()) {
            out.append(" — last seen: ").append(pagesSeen);
        }
        return Redactor.redact(out.toString());
    }

    /** Each browser's page as it is now; "" without browsers. A browser that does not answer in {@link #READ} is said so, not waited for. */
    static String pages(List<Participant> pages) {
        return pages.stream().map(p -> {
            java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> page(p), READERS);
            try {
                return read.get(READ.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException slow) {
                return p.name() + ": page did not answer within " + READ.toSeconds() + " s";
            } catch (java.util.concurrent.ExecutionException e) {
                return p.name() + ": page not readable";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return p.name() + ": page not read";
            }
        }).collect(Collectors.joining("; "));
    }

    private static String page(Participant p) {
        try {
            SessionPage session = p.session();
            SessionState state = session.state();
            StringBuilder seen = new StringBuilder(p.name()).append(": ").append(state.id());
            String status = cut(session.statusText());
            if (!status.isEmpty() && !status.equals(state.id())) {
                seen.append(" (\"").append(status).append("\")");
            }
            if (state == SessionState.ERROR) {
                String error = cut((session.errorTitle() + " " + session.errorMessage()).strip());
                if (!error.isEmpty()) {
                    seen.append(", error \"").append(error).append('"');
                }
            }
            seen.append(" at ").append(p.driver().getCurrentUrl());
            List<SessionPage.Dialog> dialogs = session.dialogs();
            seen.append(dialogs.isEmpty() ? ", no dialog" : ", last dialog " + dialogs.get(dialogs.size() - 1).type() + " \""
                    + cut(dialogs.get(dialogs.size() - 1).message()) + "\"");
            return seen.toString();
        } catch (RuntimeException gone) {
            return p.name() + ": page not readable (" + cut(String.valueOf(gone.getMessage()).lines().findFirst().orElse("")) + ")";
        }
    }

    private static String cut(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() > TEXT ? line.substring(0, TEXT) + "…" : line;
    }
}
