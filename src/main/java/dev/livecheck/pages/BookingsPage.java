package dev.livecheck.pages;

import org.openqa.selenium.WebDriver;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** "Provider Bookings" / "My Bookings": {@code page-title}, {@code booking-row-{id}}, {@code booking-status-{id}}, {@code join-session-{id}}. */
public final class BookingsPage extends Page {
    public BookingsPage(WebDriver driver) {
        super(driver);
    }

    public String title() {
        return text("page-title");
    }

    public boolean lists(String bookingId) {
        return isVisible("booking-row-" + bookingId);
    }

    public String status(String bookingId) {
        return text("booking-status-" + bookingId);
    }

    public boolean offersJoin(String bookingId) {
        return isVisible("join-session-" + bookingId);
    }

    public String joinLabel(String bookingId) {
        return text("join-session-" + bookingId);
    }

    public void awaitJoinOffered(String bookingId) {
        await("\"Join Live Session\" offered for booking " + bookingId).atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> offersJoin(bookingId));
    }

    public void join(String bookingId) {
        click("join-session-" + bookingId);
    }
}
