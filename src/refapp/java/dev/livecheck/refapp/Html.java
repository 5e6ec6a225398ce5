package dev.livecheck.refapp;

/** Server-rendered pages of the reference app. Every element a test touches has a data-testid (see README). */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static String page(String title, Seed.User user, Naming naming, String body) {
        String nav = user == null ? "" : """
                <nav data-testid="nav">
                  <a href="/home" data-testid="nav-home">Home</a>
                  <a href="%s" data-testid="nav-bookings">%s</a>
                  <span data-testid="current-user">%s</span>
                  <form method="post" action="/logout"><button data-testid="logout">Log out</button></form>
                </nav>
                """.formatted(bookingsPath(user), bookingsTitle(user, naming), escape(user.name()));
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s · Consult</title><link rel="icon" href="data:,">
                <link rel="stylesheet" href="/static/app.css"></head>
                <body>%s<main>%s</main></body></html>
                """.formatted(escape(title), nav, body);
    }

    static String bookingsPath(Seed.User user) {
        return user.isProvider() ? "/provider/bookings" : "/bookings";
    }

    static String bookingsTitle(Seed.User user, Naming naming) {
        return user.isProvider() ? naming.hostBookingsTitle() : "My Bookings";
    }

    static String login(String next, boolean authRequired, boolean failed) {
        String prompt = authRequired ? "<p class=\"notice\" data-testid=\"login-prompt\">Please log in to join your session.</p>" : "";
        String error = failed ? "<p class=\"error\" data-testid=\"login-error\">Email or password is incorrect.</p>" : "";
        return page("Log in", null, Naming.DEFAULT, """
                <h1 data-testid="page-title">Log in</h1>%s%s
                <form method="post" action="/login" data-testid="login-form">
                  <input type="hidden" name="next" value="%s">
                  <label>Email <input name="email" type="email" data-testid="login-email" autocomplete="username"></label>
                  <label>Password <input name="password" type="password" data-testid="login-password" autocomplete="current-password"></label>
                  <button type="submit" data-testid="login-submit">Log in</button>
                </form>
                """.formatted(prompt, error, escape(next)));
    }

    static String home(Seed.User user, Naming naming) {
        return page("Home", user, naming, """
                <h1 data-testid="page-title">Welcome, %s</h1>
                <p>Your consultations are under <a href="%s">%s</a>.</p>
                """.formatted(escape(user.name()), bookingsPath(user), bookingsTitle(user, naming)));
    }

    static String bookings(Seed.User user, java.util.List<Seed.Booking> bookings, java.util.Set<Bug> bugs, Naming naming) {
        StringBuilder rows = new StringBuilder();
        String query = bugs.contains(Bug.CLIENT_URL_DIFFERS) && !user.isProvider() ? "?as=client" : "";
        for (Seed.Booking b : bookings) {
            String join = b.isLive() && !bugs.contains(Bug.LIVE_BOOKING_NOT_JOINABLE)
                    ? "<a class=\"button\" href=\"/session/%s%s\" data-testid=\"join-session-%s\">Join Live Session</a>".formatted(b.id(), query, b.id())
                    : "";
            rows.append("""
                    <tr data-testid="booking-row-%s"><td>%s</td><td>%s</td>
                    <td><span class="status status-%s" data-testid="booking-status-%s">%s</span></td><td>%s</td></tr>
                    """.formatted(b.id(), escape(b.title()), escape(b.startsAt()), b.status().toLowerCase(), b.id(), b.status(), join));
        }
        String title = bugs.contains(Bug.BOOKINGS_MISLABELLED) ? "Bookings" : bookingsTitle(user, naming);
        return page(title, user, naming, """
                <h1 data-testid="page-title">%s</h1>
                <table data-testid="bookings"><thead><tr><th>Booking</th><th>When</th><th>Status</th><th></th></tr></thead>
                <tbody>%s</tbody></table>
                """.formatted(title, rows));
    }

    static String error(Seed.User user, Naming naming, String title, String message, String backUrl) {
        return page(title, user, naming, """
                <div class="error-panel" data-testid="session-error">
                  <h1 data-testid="session-error-title">%s</h1>
                  <p data-testid="session-error-message">%s</p>
                  <a class="button" href="%s" data-testid="go-back">Go Back</a>
                </div>
                """.formatted(escape(title), escape(message), backUrl));
    }

    static String session(Seed.User user, Naming naming, Seed.Booking booking, String configJson) {
        return page("Live session", user, naming, """
                <div class="session" data-testid="session-page">
                  <header><h1>%s</h1>
                    <span>Room <code data-testid="room-name"></code></span>
                    <span>You are <code data-testid="local-identity"></code></span></header>
                  <section class="preflight" data-testid="preflight" hidden>
                    <h2>Check your camera and microphone</h2>
                    <video data-testid="preflight-video" autoplay muted playsinline></video>
                    <p data-testid="preflight-status">Checking your devices…</p>
                    <button data-testid="preflight-continue">Continue to session</button>
                  </section>
                  <div class="status" data-testid="session-status" data-state="connecting">Connecting…</div>
                  <div class="error-panel" data-testid="session-error" hidden>
                    <p data-testid="session-error-message"></p>
                    <button data-testid="try-again">Try Again</button>
                    <a class="button" href="%s" data-testid="go-back">Go Back</a>
                  </div>
                  <p class="notice" data-testid="media-permission-warning" hidden>Camera or microphone access is blocked.
                    Allow access in your browser's site settings so the other person can see and hear you.
                    You can still see and hear them.</p>
                  <p class="notice" data-testid="token-expired-notice" hidden>Your session token expired; a new one was requested.</p>
                  <p class="recording" data-testid="recording-indicator" hidden>● Recording</p>
                  <section class="stage" data-testid="remote-tiles"></section>
                  <section class="screens" data-testid="remote-screens"></section>
                  <figure class="self"><video data-testid="local-video" autoplay muted playsinline></video><figcaption>You</figcaption></figure>
                  <h2>Participants</h2>
                  <ul data-testid="participant-list"></ul>
                  <div class="controls" data-testid="session-controls" hidden>
                    <button data-testid="toggle-camera">Turn camera off</button>
                    <button data-testid="toggle-microphone">Mute</button>
                    <button data-testid="start-audio" hidden>Start audio</button>
                    <button data-testid="share-screen">Share screen</button>
                    <span data-testid="recording-controls" hidden>
                      <button data-testid="start-recording">Start recording</button>
                      <button data-testid="stop-recording" hidden>Stop recording</button>
                    </span>
                    <button data-testid="leave">Leave</button>
                  </div>
                  <div data-testid="session-ended" hidden><p>You left the session.</p>
                    <button data-testid="rejoin">Rejoin</button>
                    <a class="button" href="%s" data-testid="back-to-bookings">Back to bookings</a></div>
                </div>
                <script id="session-config" type="application/json">%s</script>
                <script src="/vendor/livekit-client.umd.js"></script>
                <script src="/static/session.js"></script>
                """.formatted(escape(booking.title()), backUrl(user), backUrl(user), configJson));
    }

    private static String backUrl(Seed.User user) {
        return user == null ? "/" : bookingsPath(user);
    }
}
