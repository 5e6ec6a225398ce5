package dev.livecheck.evidence;

import io.qameta.allure.Allure;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Two things a test does at once (both people sign in), the second on a thread of its own that carries the test's
 * context: its Allure steps go to the same test, its waits and page states to the same timeline. Only the test's own
 * thread counts time spent (two threads at once would count the same seconds twice).
 */
public final class Together {
    private Together() {
    }

    /** Runs {@code first} here and {@code second} on another thread; waits for both; the first failure is thrown. */
    public static void run(Runnable first, Runnable second) {
        Optional<String> testCase = Allure.getLifecycle().getCurrentTestCase();
        Optional<Timeline> timeline = Timeline.current();
        CompletableFuture<Void> other = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            testCase.ifPresent(Allure.getLifecycle()::setCurrentTestCase);
            timeline.ifPresent(Timeline::adopt);
            try {
                second.run();
                other.complete(null);
            } catch (Throwable t) {
                other.completeExceptionally(t);
            } finally {
                Timeline.leave();
            }
        }, "livecheck-together");
        thread.setDaemon(true);
        thread.start();
        Throwable failure = null;
        try {
            first.run();
        } catch (Throwable t) {
            failure = t;
        }
        try {
            other.join();
        } catch (CompletionException e) {
            if (failure == null) {
                failure = e.getCause();
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
