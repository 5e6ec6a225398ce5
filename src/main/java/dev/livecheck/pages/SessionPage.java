package dev.livecheck.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.List;

/**
 * The live session: {@code session-status} (its {@code data-state} is connecting, waiting, connected,
 * reconnecting, error or ended), {@code session-error} with {@code try-again} and {@code go-back},
 * {@code participant} entries, remote tiles, recording and screen-share controls.
 */
public final class SessionPage extends Page {
    public SessionPage(WebDriver driver) {
        super(driver);
    }

    /** A participant as the page lists it. */
    public record Listed(String identity, String role) {
    }

    public String state() {
        return find("session-status").map(e -> e.getAttribute("data-state")).orElse("absent");
    }

    public String statusText() {
        return text("session-status");
    }

    public boolean isConnected() {
        return "connected".equals(state());
    }

    /** In the room: alone ("waiting") or with the other side ("connected"). */
    public boolean isInRoom() {
        return List.of("waiting", "connected").contains(state());
    }

    /**
     * The connection timeout the page itself runs with, where the app publishes it (the reference app's
     * {@code <script id="session-config">} JSON, {@code connectTimeoutMs}); empty for an app that doesn't.
     */
    public java.util.Optional<java.time.Duration> configuredConnectTimeout() {
        Object ms = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const c = document.getElementById('session-config');"
                        + "try { return c ? JSON.parse(c.textContent).connectTimeoutMs : null; } catch (e) { return null; }");
        return ms instanceof Number n ? java.util.Optional.of(java.time.Duration.ofMillis(n.longValue())) : java.util.Optional.empty();
    }

    public String roomName() {
        return text("room-name");
    }

    public String localIdentity() {
        return text("local-identity");
    }

    public List<Listed> participants() {
        return driver.findElements(testId("participant")).stream()
                .map(e -> new Listed(e.getAttribute("data-identity"), e.getAttribute("data-role")))
                .toList();
    }

    public boolean showsError() {
        return isVisible("session-error");
    }

    public String errorMessage() {
        return text("session-error-message");
    }

    public String errorTitle() {
        return text("session-error-title");
    }

    public boolean offersTryAgain() {
        return isVisible("try-again") && text("try-again").equals("Try Again");
    }

    public boolean offersGoBack() {
        return isVisible("go-back") && text("go-back").equals("Go Back");
    }

    public void tryAgain() {
        click("try-again");
    }

    public void goBack() {
        click("go-back");
    }

    public boolean showsPermissionWarning() {
        return isVisible("media-permission-warning");
    }

    public boolean showsTokenExpiredNotice() {
        return isVisible("token-expired-notice");
    }

    public boolean showsRecordingControls() {
        return isVisible("recording-controls");
    }

    public boolean hasRecordingControlsInPage() {
        return !driver.findElements(testId("start-recording")).isEmpty() && isVisible("start-recording");
    }

    public boolean showsRecordingIndicator() {
        return isVisible("recording-indicator");
    }

    public void startRecording() {
        click("start-recording");
    }

    public void stopRecording() {
        click("stop-recording");
    }

    public boolean canStopRecording() {
        return isVisible("stop-recording");
    }

    public void toggleScreenShare() {
        click("share-screen");
    }

    public boolean isSharingScreen() {
        return find("share-screen").map(e -> "true".equals(e.getAttribute("data-sharing"))).orElse(false);
    }

    public boolean showsRemoteScreen() {
        return !driver.findElements(By.cssSelector(remoteScreenSelector())).isEmpty();
    }

    public void leave() {
        click("leave");
    }

    public boolean hasLeft() {
        return "ended".equals(state());
    }

    public void rejoin() {
        click("rejoin");
    }

    public boolean showsRemoteTileOf(String identity) {
        return driver.findElements(By.cssSelector(remoteTileSelector(identity))).stream().anyMatch(WebElement::isDisplayed);
    }

    public static String remoteVideoSelector(String identity) {
        return "[data-testid='remote-video'][data-identity='" + identity + "']";
    }

    public static String remoteAudioSelector(String identity) {
        return "[data-testid='remote-audio'][data-identity='" + identity + "']";
    }

    public static String remoteScreenSelector() {
        return "[data-testid='remote-screen']";
    }

    static String remoteTileSelector(String identity) {
        return "[data-testid='remote-tile'][data-identity='" + identity + "']";
    }
}
