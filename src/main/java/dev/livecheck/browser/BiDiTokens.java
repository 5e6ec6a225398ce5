package dev.livecheck.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.bidi.module.Script;
import org.openqa.selenium.bidi.script.ChannelValue;
import org.openqa.selenium.bidi.script.LocalValue;
import org.openqa.selenium.bidi.script.Message;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A Firefox page's LiveKit tokens replaced — what {@link Traffic} does through Chromium's DevTools, where WebDriver
 * BiDi cannot yet rewrite a response body it has not received. A preload script ({@code tokenswap.js}) shows every
 * JWT in the page's fetch responses to livecheck over a BiDi channel and gives the page livecheck's answer; the
 * replacement is made here, in Java, so the API secret never reaches the page. Pages loaded after {@link #start}
 * are covered (the tests start it before the participant navigates). Responses livecheck could not rewrite
 * (XMLHttpRequest) are counted, so a test can say "not run" instead of blaming the app.
 */
final class BiDiTokens implements AutoCloseable {
    private static final String CHANNEL = "livecheck-tokens";
    /** The function itself, without the file's leading comment. */
    private static final String SCRIPT = Classpath.text("/livecheck/tokenswap.js").replaceFirst("(?s)^.*?(?=\\(channel\\) =>)", "");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebDriver driver;
    private final ExecutorService commands = BiDiCommands.thread("livecheck-bidi-tokens");
    private Script script;
    private String preload;
    private volatile UnaryOperator<String> replace;
    private final List<String> unswapped = new CopyOnWriteArrayList<>();

    BiDiTokens(WebDriver driver) {
        this.driver = driver;
    }

    /** From now on, pages loaded get their LiveKit tokens through {@code replace}; {@code replaced} counts the tokens changed. */
    synchronized void start(UnaryOperator<String> replace, java.util.function.Predicate<String> liveKitToken, AtomicInteger replaced) {
        this.replace = token -> liveKitToken.test(token) ? replace.apply(token) : token;
        if (script == null) {
            script = new Script(driver);
            script.onMessage(message -> {
                if (CHANNEL.equals(message.getChannel())) {
                    commands.submit(() -> answer(message, replaced));
                }
            });
        }
        if (preload == null) {
            preload = script.addPreloadScript(SCRIPT, List.of(new ChannelValue(CHANNEL)));
        }
    }

    private void answer(Message message, AtomicInteger replaced) {
        try {
            JsonNode data = JSON.readTree(String.valueOf(message.getData().getValue().orElse("{}")));
            if ("unswapped".equals(data.path("kind").asText())) {
                unswapped.add(data.path("how").asText() + " " + data.path("url").asText());
                return;
            }
            String token = data.path("token").asText();
            UnaryOperator<String> now = replace;
            String answer = now == null ? token : now.apply(token);
            if (!answer.equals(token)) {
                replaced.incrementAndGet();
            }
            script.callFunctionInRealm(message.getSource().getRealm(), "(id, token) => window.__livecheckTokenAnswer(id, token)", false,
                    Optional.of(List.of(LocalValue.stringValue(data.path("id").asText()), LocalValue.stringValue(answer))),
                    Optional.empty(), Optional.empty());
        } catch (IOException | RuntimeException pageGone) {
            // the page went away before its answer: it keeps its own token after its wait
        }
    }

    /** Responses that carried a JWT livecheck could not rewrite, e.g. {@code XMLHttpRequest http://app/api/token}. */
    List<String> unswapped() {
        return List.copyOf(unswapped);
    }

    /** Tokens pass unchanged from now on, and pages loaded later are left alone. */
    synchronized void release() {
        replace = null;
        if (preload != null) {
            try {
                script.removePreloadScript(preload);
            } catch (RuntimeException browserGone) {
                // nothing to remove
            }
            preload = null;
        }
    }

    @Override
    public synchronized void close() {
        release();
        commands.shutdownNow();
        if (script != null) {
            try {
                script.close();
            } catch (RuntimeException browserGone) {
                // nothing to stop
            }
            script = null;
        }
    }
}
