package dev.livecheck.pages;

import dev.livecheck.profile.AppProfile;
import org.openqa.selenium.WebDriver;

/** A lobby before the room (LiveKit's PreJoin, a device preflight): {@code prejoin.name}, {@code prejoin.submit}. */
public final class PreJoinPage extends Page {
    public PreJoinPage(WebDriver driver, AppProfile profile) {
        super(driver, profile);
    }

    public void enter(String displayName) {
        if (has("prejoin.name")) {
            type("prejoin.name", displayName);
        }
        click("prejoin.submit");
    }
}
