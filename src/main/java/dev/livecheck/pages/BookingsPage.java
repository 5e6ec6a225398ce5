package dev.livecheck.pages;

import dev.livecheck.profile.AppProfile;
import org.openqa.selenium.WebDriver;

import java.util.Map;

/** The bookings list: {@code bookings.title}, and per booking {@code bookings.row}, {@code bookings.status}, {@code bookings.join}. */
public final class BookingsPage extends Page {
    public BookingsPage(WebDriver driver, AppProfile profile) {
        super(driver, profile);
    }

    public String title() {
        return text("bookings.title");
    }

    public boolean lists(String session) {
        return isVisible("bookings.row", of(session));
    }

    public String status(String session) {
        return text("bookings.status", of(session));
    }

    public boolean offersJoin(String session) {
        return isVisible("bookings.join", of(session));
    }

    public String joinLabel(String session) {
        return text("bookings.join", of(session));
    }

    /** Waits for the booking's join button (failing with its name if it never shows), then clicks it. */
    public void join(String session) {
        click("bookings.join", of(session));
    }

    private static Map<String, String> of(String session) {
        return Map.of("session", session);
    }
}
