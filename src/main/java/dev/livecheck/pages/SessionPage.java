package dev.livecheck.pages;

import dev.livecheck.profile.AppProfile;
import dev.livecheck.profile.Field;
import dev.livecheck.profile.ParticipantList;
import dev.livecheck.profile.SessionState;
import dev.livecheck.profile.StateRule;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live session as the page shows it: where the join stands (the profile's {@code sessionState} rules),
 * errors in the page or in a browser dialog, the people listed and their tiles, and the session's controls.
 */
public final class SessionPage extends Page {
    public SessionPage(WebDriver driver, AppProfile profile) {
        super(driver, profile);
    }

    /** Someone else in the room, as the page may name them: by LiveKit identity or by display name. */
    public record Person(String identity, String name) {
        Map<String, String> values() {
            return Map.of("identity", identity, "name", name);
        }
    }

    /** A participant as the page lists them; a part the page does not show is "". */
    public record Listed(String identity, String name, String role) {
    }

    /** A message the page raised in a browser dialog (alert, confirm), captured by livecheck's probe. */
    public record Dialog(String type, String message, long at) {
    }

    public SessionState state() {
        SessionState state = readState();
        dev.livecheck.evidence.Timeline.pageState(driver, state.id());
        return state;
    }

    private SessionState readState() {
        for (StateRule rule : profile.sessionState()) {
            try {
                Optional<SessionState> state = evaluate(rule);
                if (state.isPresent()) {
                    return state.get();
                }
            } catch (StaleElementReferenceException e) {
                // the page re-rendered under us: the next rule, or the next poll, sees the new page
            }
        }
        return SessionState.ABSENT;
    }

    private Optional<SessionState> evaluate(StateRule rule) {
        List<WebElement> found = driver.findElements(rule.locator().by(Map.of()));
        if (rule.state().isEmpty()) {
            return found.stream().map(e -> e.getAttribute(rule.attribute().orElseThrow())).filter(v -> v != null)
                    .map(SessionState::parse).flatMap(Optional::stream).findFirst();
        }
        boolean matches = found.stream().anyMatch(e -> e.isDisplayed()
                && (rule.text().isEmpty() || rule.text().get().matcher(e.getText().trim()).find())
                && rule.attribute().map(a -> e.getAttribute(a) != null).orElse(true));
        return matches ? rule.state() : Optional.empty();
    }

    /** The status the page shows, for messages: its status element's text, else the state. */
    public String statusText() {
        return has("session.status") ? text("session.status") : state().id();
    }

    public boolean isConnected() {
        return state() == SessionState.CONNECTED;
    }

    public boolean isInRoom() {
        return state().inRoom();
    }

    public Optional<String> roomName() {
        return has("session.roomName") ? Optional.of(text("session.roomName")) : Optional.empty();
    }

    public Optional<String> localIdentity() {
        return has("session.localIdentity") ? Optional.of(text("session.localIdentity")) : Optional.empty();
    }

    /** Everyone the page lists (the profile's participantList), self included where the page lists self. */
    public List<Listed> participants() {
        Optional<ParticipantList> list = profile.participantList();
        if (list.isEmpty()) {
            return List.of();
        }
        ParticipantList spec = list.get();
        try {
            return driver.findElements(spec.entry().by(Map.of())).stream()
                    .map(e -> new Listed(read(e, spec.identity()), read(e, spec.name()), read(e, spec.role()))).toList();
        } catch (StaleElementReferenceException e) {
            return List.of();
        }
    }

    private static String read(WebElement entry, Optional<Field> field) {
        if (field.isEmpty()) {
            return "";
        }
        Field f = field.get();
        WebElement target = f.inner().map(l -> entry.findElements(l.by(Map.of())).stream().findFirst().orElse(null)).orElse(entry);
        if (target == null) {
            return "";
        }
        String value = f.attribute().map(target::getAttribute).orElseGet(target::getText);
        return value == null ? "" : value.trim();
    }

    // ---- errors -------------------------------------------------------------------------------------------

    /** An error is shown: the page's error state, or a browser dialog raised since the page loaded. */
    public boolean showsError() {
        return state() == SessionState.ERROR || !dialogs().isEmpty();
    }

    public String errorTitle() {
        return text("session.errorTitle");
    }

    /** The error's words: the error message element, else the error panel's text, else the last dialog's message. */
    public String errorMessage() {
        String message = text("session.errorMessage");
        if (message.isEmpty()) {
            message = text("session.error");
        }
        if (message.isEmpty()) {
            List<Dialog> dialogs = dialogs();
            message = dialogs.isEmpty() ? "" : dialogs.get(dialogs.size() - 1).message();
        }
        return message;
    }

    public boolean offersTryAgain() {
        return offers("session.tryAgain");
    }

    public boolean offersGoBack() {
        return offers("session.goBack");
    }

    /** Shown, and labelled in the app's words where the profile gives them. */
    private boolean offers(String key) {
        return isVisible(key) && profile.text(key).map(label -> text(key).equalsIgnoreCase(label)).orElse(true);
    }

    public void tryAgain() {
        click("session.tryAgain");
    }

    public void goBack() {
        click("session.goBack");
    }

    /** Browser dialogs (alert, confirm) the page raised, captured by livecheck's probe; they do not block it. */
    public List<Dialog> dialogs() {
        try {
            Object raw = ((JavascriptExecutor) driver).executeScript("return window.__livecheck ? window.__livecheck.dialogs : [];");
            if (!(raw instanceof List<?> list)) {
                return List.of();
            }
            return list.stream().filter(Map.class::isInstance).map(Map.class::cast)
                    .map(m -> new Dialog(String.valueOf(m.get("type")), String.valueOf(m.get("message")),
                            m.get("at") instanceof Number n ? n.longValue() : 0)).toList();
        } catch (WebDriverException e) {
            return List.of();
        }
    }

    public boolean showsPermissionWarning() {
        return isVisible("session.permissionWarning") || dialogs().stream().anyMatch(d -> d.message().matches("(?is).*(camera|microphone|permission).*"));
    }

    /** What the page says about blocked devices: its warning, and every dialog it raised about them. */
    public String permissionWarning() {
        List<String> said = new java.util.ArrayList<>();
        String shown = text("session.permissionWarning");
        if (!shown.isEmpty()) {
            said.add(shown);
        }
        dialogs().stream().map(Dialog::message).filter(m -> m.matches("(?is).*(camera|microphone|permission).*")).forEach(said::add);
        return String.join(" ", said);
    }

    public boolean showsTokenExpiredNotice() {
        return isVisible("session.tokenExpiredNotice");
    }

    // ---- recording ----------------------------------------------------------------------------------------

    public boolean showsRecordingControls() {
        return isVisible("session.recordingControls") || isVisible("session.startRecording");
    }

    public boolean hasRecordingControlsInPage() {
        return isVisible("session.startRecording");
    }

    public boolean showsRecordingIndicator() {
        return isVisible("session.recordingIndicator");
    }

    public void startRecording() {
        click("session.startRecording");
    }

    public void stopRecording() {
        click("session.stopRecording");
    }

    public boolean canStopRecording() {
        return isVisible("session.stopRecording");
    }

    // ---- screen share, camera, microphone ------------------------------------------------------------------

    public void toggleScreenShare() {
        click("session.shareScreen");
    }

    public boolean isSharingScreen() {
        return isVisible("session.sharing");
    }

    public List<WebElement> remoteScreens() {
        return all("session.remoteScreen", Map.of());
    }

    public boolean showsRemoteScreen() {
        return !remoteScreens().isEmpty();
    }

    // ---- the other people -----------------------------------------------------------------------------------

    public boolean showsRemoteTileOf(Person person) {
        try {
            return all("session.remoteTile", person.values()).stream().anyMatch(WebElement::isDisplayed);
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    /** The remote camera videos that may be this person's: theirs where the profile can name them, else every remote camera video. */
    public List<WebElement> remoteVideosOf(Person person) {
        return all("session.remoteVideo", person.values());
    }

    public List<WebElement> remoteAudiosOf(Person person) {
        return all("session.remoteAudio", person.values());
    }

    /** Whether the profile's locator picks one person's element, or only "some remote element". */
    public boolean namesWhoseVideo() {
        return profile.locator("session.remoteVideo").map(l -> l.uses("identity") || l.uses("name")).orElse(false);
    }

    /** A remote camera tile as the page shows it: the name it carries and its video element (if it has one). */
    public record Tile(String name, Optional<WebElement> video) {
    }

    /** Every remote camera tile on the page, with the name each shows. */
    public List<Tile> remoteTiles() {
        if (!has("session.remoteTiles")) {
            return List.of();
        }
        List<Tile> tiles = new java.util.ArrayList<>();
        try {
            for (WebElement tile : all("session.remoteTiles", Map.of())) {
                String name = profile.locator("session.tileName").flatMap(l -> tile.findElements(l.by(Map.of())).stream().findFirst())
                        .map(WebElement::getText).map(String::trim).orElse("");
                Optional<WebElement> video = profile.locator("session.tileVideo").flatMap(l -> tile.findElements(l.by(Map.of())).stream().findFirst());
                tiles.add(new Tile(name, video));
            }
        } catch (StaleElementReferenceException e) {
            return List.of();
        }
        return tiles;
    }

    /** The connection quality the page shows for this person (excellent, good, poor, lost, unknown), "" where it shows none. */
    public String connectionQualityOf(Person person) {
        try {
            return find("session.remoteQuality", person.values()).map(e -> {
                String value = e.getAttribute("data-quality");
                if (value == null || value.isEmpty()) {
                    value = e.getAttribute("data-lk-quality");
                }
                return value == null || value.isEmpty() ? e.getText() : value;
            }).map(v -> v.trim().toLowerCase(java.util.Locale.ROOT)).orElse("");
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    /** The page asks for a click before it may play audio (the browser's autoplay policy blocked it). */
    public boolean asksToStartAudio() {
        return isVisible("session.startAudio");
    }

    public void startAudio() {
        click("session.startAudio");
    }

    public void toggleCamera() {
        click("session.toggleCamera");
    }

    public void toggleMicrophone() {
        click("session.toggleMicrophone");
    }

    // ---- leaving ------------------------------------------------------------------------------------------

    public void leave() {
        click("session.leave");
    }

    /** The page says the user left: its ended state, or it left the session page for another. */
    public boolean hasLeft() {
        SessionState state = state();
        return state == SessionState.ENDED || (state == SessionState.ABSENT && !onSessionPage());
    }

    public boolean offersRejoin() {
        return has("session.rejoin");
    }

    public void rejoin() {
        click("session.rejoin");
    }

    private boolean onSessionPage() {
        String url = currentUrl();
        String path = url.replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*$", "");
        String template = profile.flow().sessionUrl().replaceFirst("[?#].*$", "");
        return path.matches(java.util.regex.Pattern.quote(template).replace("{session}", "\\E[^/]+\\Q"));
    }
}
