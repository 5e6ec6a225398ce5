package dev.livecheck.pages;

import dev.livecheck.profile.Account;
import dev.livecheck.profile.AppProfile;
import org.openqa.selenium.WebDriver;

/** The login form ({@code login.*}), and the prompt shown when sent to log in first. */
public final class LoginPage extends Page {
    public LoginPage(WebDriver driver, AppProfile profile) {
        super(driver, profile);
    }

    public void logIn(Account account) {
        type("login.username", account.username());
        type("login.password", account.password());
        click("login.submit");
    }

    public boolean isShown() {
        return isVisible("login.username");
    }

    public boolean showsLoginPrompt() {
        return has("login.prompt") ? isVisible("login.prompt") : isShown();
    }

    public String prompt() {
        return text("login.prompt");
    }

    public boolean showsError() {
        return isVisible("login.failed");
    }
}
