package dev.livecheck.bench;

import dev.livecheck.profile.Account;
import dev.livecheck.media.FakeMedia;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

/**
 * The baseline: the same join as the harness's, written as a plain Selenium script with no harness —
 * log in, open the bookings, click join, wait until the page says connected and the remote video plays.
 * It checks less (no server view, no colour, no tone); the ratio shows what the evidence costs.
 */
final class BareSeleniumJoin {
    private BareSeleniumJoin() {
    }

    static WebDriver browser(File chromium, File chromedriver, FakeMedia media) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required",
                "--allow-loopback-in-peer-connection", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + media.video(), "--use-file-for-fake-audio-capture=" + media.audio(),
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
                "--user-data-dir=" + Files.createTempDirectory("bare-selenium"));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).usingAnyFreePort().build(), options);
    }

    static void join(WebDriver driver, String baseUrl, Account account, String bookingId) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.cssSelector("[data-testid='login-email']")).sendKeys(account.username());
        driver.findElement(By.cssSelector("[data-testid='login-password']")).sendKeys(account.password());
        driver.findElement(By.cssSelector("[data-testid='login-submit']")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid='nav-bookings']")).isEmpty());
        driver.findElement(By.cssSelector("[data-testid='nav-bookings']")).click();
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid='join-session-" + bookingId + "']")).isEmpty());
        driver.findElement(By.cssSelector("[data-testid='join-session-" + bookingId + "']")).click();
    }

    static void awaitConnectedWithVideo(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const s = document.querySelector('[data-testid=session-status]');"
                        + "const v = document.querySelector('[data-testid=remote-video]');"
                        + "return !!s && s.dataset.state === 'connected' && !!v && v.videoWidth > 0 && v.currentTime > 0;")));
    }
}
