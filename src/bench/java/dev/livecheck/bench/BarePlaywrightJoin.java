package dev.livecheck.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.livecheck.media.FakeMedia;
import dev.livecheck.profile.Account;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The baseline many teams would write instead: the same two-person join as a bare Playwright-for-Java script,
 * with Debian's Chromium (no browser download) and the machine's Node (no bundled driver). Log in, open the
 * bookings, click join, wait until the page says connected and the remote video plays. Only on the classpath
 * of {@code scripts/bench} (Maven profile {@code bench}); the benchmark calls it by name.
 */
public final class BarePlaywrightJoin {
    private BarePlaywrightJoin() {
    }

    /** Both browsers started → both see each other's video; returns the milliseconds that took. */
    public static long join(Path chromium, String baseUrl, Account provider, FakeMedia providerMedia, Account client, FakeMedia clientMedia,
                            String booking) {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser a = launch(playwright, chromium, providerMedia);
            Browser b = launch(playwright, chromium, clientMedia);
            Page pa = a.newPage();
            Page pb = b.newPage();
            long started = System.nanoTime();
            // Playwright's objects belong to one thread: the two joins run one after the other, as a simple script would
            join(pa, baseUrl, provider, booking);
            join(pb, baseUrl, client, booking);
            awaitConnectedWithVideo(pa);
            awaitConnectedWithVideo(pb);
            long ms = (System.nanoTime() - started) / 1_000_000;
            a.close();
            b.close();
            return ms;
        }
    }

    private static Browser launch(Playwright playwright, Path chromium, FakeMedia media) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true).setArgs(List.of(
                "--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + media.video(), "--use-file-for-fake-audio-capture=" + media.audio(),
                "--allow-loopback-in-peer-connection",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1")));
    }

    private static void join(Page page, String baseUrl, Account account, String booking) {
        page.navigate(baseUrl + "/login");
        page.fill("[data-testid='login-email']", account.username());
        page.fill("[data-testid='login-password']", account.password());
        page.click("[data-testid='login-submit']");
        page.click("[data-testid='nav-bookings']");
        page.click("[data-testid='join-session-" + booking + "']");
    }

    private static void awaitConnectedWithVideo(Page page) {
        page.waitForFunction("() => { const s = document.querySelector('[data-testid=session-status]');"
                + " const v = document.querySelector('[data-testid=remote-video]');"
                + " return !!s && s.dataset.state === 'connected' && !!v && v.videoWidth > 0 && v.currentTime > 0; }",
                null, new Page.WaitForFunctionOptions().setTimeout(30_000));
    }
}
