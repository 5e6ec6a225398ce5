package dev.livecheck.pages;

import org.openqa.selenium.WebDriver;

/** The signed-in navigation: {@code nav-bookings}, {@code current-user}, {@code logout}. */
public final class NavBar extends Page {
    public NavBar(WebDriver driver) {
        super(driver);
    }

    public boolean isShown() {
        return isVisible("nav");
    }

    public String currentUser() {
        return text("current-user");
    }

    public void openBookings() {
        click("nav-bookings");
    }
}
