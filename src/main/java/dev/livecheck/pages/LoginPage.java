package dev.livecheck.pages;

import dev.livecheck.app.Account;
import org.openqa.selenium.WebDriver;

/** {@code login-email}, {@code login-password}, {@code login-submit}; {@code login-prompt} when sent here to log in first. */
public final class LoginPage extends Page {
    public LoginPage(WebDriver driver) {
        super(driver);
    }

    public void logIn(Account account) {
        type("login-email", account.email());
        type("login-password", account.password());
        click("login-submit");
    }

    public boolean isShown() {
        return isVisible("login-form");
    }

    public boolean showsLoginPrompt() {
        return isVisible("login-prompt");
    }

    public String prompt() {
        return text("login-prompt");
    }

    public boolean showsError() {
        return isVisible("login-error");
    }
}
