package dev.livecheck.pages;

import dev.livecheck.profile.AppProfile;
import org.openqa.selenium.WebDriver;

/** What a signed-in page shows: {@code login.signedIn}, {@code login.currentUser}, {@code bookings.open}. */
public final class NavBar extends Page {
    public NavBar(WebDriver driver, AppProfile profile) {
        super(driver, profile);
    }

    public boolean isShown() {
        return isVisible("login.signedIn");
    }

    public String currentUser() {
        return text("login.currentUser");
    }

    public void openBookings() {
        click("bookings.open");
    }
}
