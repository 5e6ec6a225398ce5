package dev.livecheck.refapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The reference booking app that ships with livecheck: login, bookings, and a LiveKit session page.
 * It is an example of an app under test, not part of the harness: replace it with your own app.
 */
public final class ReferenceApp implements AutoCloseable {
    private static final String USER = "userId";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RefAppConfig config;
    private final Seed seed;
    private final TokenIssuer tokens;
    private final List<Recording> recordings = new CopyOnWriteArrayList<>();
    private final Javalin server;
    /** Recording through LiveKit Egress; null: through a hidden browser participant. */
    private final EgressRecorder egress;

    /** A finished recording uploaded by the provider's recorder. */
    public record Recording(String bookingId, int bytes, long durationMs, String contentType) {
    }

    private ReferenceApp(RefAppConfig config) {
        if (!Files.isReadable(config.livekitClientJs())) {
            throw new IllegalStateException("LIVEKIT_CLIENT_JS " + config.livekitClientJs() + " is not readable: run scripts/provision");
        }
        config = config.withBugsApplied();
        this.config = config;
        this.seed = Seed.read(config.seedFile());
        this.tokens = new TokenIssuer(config);
        this.server = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/refapp/web";
                files.location = Location.CLASSPATH;
            });
        });
        this.egress = config.egress() == null ? null : new EgressRecorder(config, () -> "http://127.0.0.1:" + server.port());
        routes();
    }

    public static ReferenceApp start(RefAppConfig config) {
        return start(config, "127.0.0.1");
    }

    /** Listening on {@code host}: loopback, or 0.0.0.0 for browsers on other hosts too (a Grid's nodes). */
    public static ReferenceApp start(RefAppConfig config, String host) {
        ReferenceApp app = new ReferenceApp(config);
        app.server.start(host, config.port());
        return app;
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    public RefAppConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (egress != null) {
            egress.close();
        }
        server.stop();
    }

    private void routes() {
        server.get("/healthz", ctx -> ctx.json(Map.of("status", "ok", "livekit", "configured", "livekitUrl", config.livekitUrl())));
        server.get("/vendor/livekit-client.umd.js", this::livekitClient);
        server.get("/", ctx -> ctx.redirect(currentUser(ctx).isPresent() ? "/home" : "/login"));
        server.get("/login", ctx -> ctx.html(Html.login(Optional.ofNullable(ctx.queryParam("next")).orElse(""),
                "auth".equals(ctx.queryParam("reason")), false)));
        server.post("/login", this::login);
        server.post("/logout", ctx -> {
            ctx.req().getSession().invalidate();
            ctx.redirect("/login");
        });
        server.get("/home", ctx -> withUser(ctx, user -> ctx.html(Html.home(user, config.naming()))));
        server.get("/provider/bookings", ctx -> withUser(ctx, user -> bookingsPage(ctx, user, true)));
        server.get("/bookings", ctx -> withUser(ctx, user -> bookingsPage(ctx, user, false)));
        server.get("/session/{id}", this::sessionPage);
        server.post("/api/bookings/{id}/token", this::token);
        server.post("/api/bookings/{id}/recording/start", this::startRecording);
        server.post("/api/bookings/{id}/recording/stop", this::stopRecording);
        server.post("/api/bookings/{id}/recordings", this::uploadRecording);
        server.get("/api/bookings/{id}/recordings", this::listRecordings);
    }

    private void login(Context ctx) {
        String next = Optional.ofNullable(ctx.formParam("next")).orElse("");
        Optional<Seed.User> user = seed.login(Optional.ofNullable(ctx.formParam("email")).orElse(""),
                Optional.ofNullable(ctx.formParam("password")).orElse(""));
        if (user.isEmpty() || config.has(Bug.LOGIN_BROKEN)) {
            ctx.status(401).html(Html.login(next, false, true));
            return;
        }
        if (ctx.req().getSession(false) != null) {
            ctx.req().getSession().invalidate(); // a fresh session on login: no session fixation
        }
        ctx.req().getSession(true);
        ctx.sessionAttribute(USER, user.get().id());
        ctx.redirect(next.startsWith("/") && !next.startsWith("//") ? next : "/home");
    }

    private void bookingsPage(Context ctx, Seed.User user, boolean providerPage) {
        if (user.isProvider() != providerPage) {
            ctx.redirect(Html.bookingsPath(user));
            return;
        }
        ctx.html(Html.bookings(user, seed.bookingsOf(user), config.bugs(), config.naming()));
    }

    private void sessionPage(Context ctx) throws JsonProcessingException {
        String id = ctx.pathParam("id");
        Optional<Seed.User> user = currentUser(ctx);
        if (user.isEmpty() && !config.has(Bug.NO_AUTH_CHECK)) {
            ctx.redirect("/login?reason=auth&next=/session/" + id);
            return;
        }
        Optional<Seed.Booking> booking = bookingToJoin(id);
        String back = config.has(Bug.GO_BACK_HOME) ? "/" : user.map(Html::bookingsPath).orElse("/");
        if (booking.isEmpty()) {
            ctx.status(404).html(errorPage(user.orElse(null), "Booking not found",
                    "We couldn't find booking " + id + ". It may have been cancelled, or the link is wrong.", back));
            return;
        }
        if (user.isPresent() && !booking.get().involves(user.get()) && !config.has(Bug.OTHER_BOOKINGS_JOINABLE)) {
            ctx.status(403).html(errorPage(user.get(), "Not your booking", "You are not a participant of booking " + id + ".", back));
            return;
        }
        if (!booking.get().isLive() && !config.has(Bug.UPCOMING_BOOKING_JOINABLE)) {
            ctx.status(409).html(errorPage(user.orElse(null), "Session not live",
                    "Booking " + id + " is " + booking.get().status() + "; you can join when it is LIVE.", back));
            return;
        }
        Map<String, Object> pageConfig = new LinkedHashMap<>();
        pageConfig.put("bookingId", id);
        pageConfig.put("connectTimeoutMs", config.connectTimeoutMs());
        pageConfig.put("reconnectGiveUpMs", 20_000);
        pageConfig.put("bugs", config.bugs().stream().map(Bug::id).toList());
        pageConfig.put("connectDelayMs", config.has(Bug.SLOW_CONNECT) ? 31_000 : 0);
        pageConfig.put("roles", Map.of("host", config.naming().host(), "guest", config.naming().guest()));
        pageConfig.put("naming", config.naming().id());
        pageConfig.put("preflight", config.naming().hasPreflight() && !"true".equals(ctx.queryParam("skipPreflight")));
        if (config.has(Bug.SECRET_IN_PAGE)) {
            pageConfig.put("livekit", Map.of("url", config.livekitUrl(), "apiKey", config.apiKey(), "apiSecret", config.apiSecret()));
        }
        ctx.html(Html.session(user.orElse(null), config.naming(), booking.get(), JSON.writeValueAsString(pageConfig).replace("</", "<\\/")));
    }

    /** The booking a join is for; with the invalid-booking bug, any id "exists" as a LIVE booking of the seed's pair. */
    private Optional<Seed.Booking> bookingToJoin(String id) {
        Optional<Seed.Booking> booking = seed.booking(id);
        if (booking.isEmpty() && config.has(Bug.INVALID_BOOKING_JOINS)) {
            Seed.Booking any = seed.bookings().get(0);
            return Optional.of(new Seed.Booking(id, any.providerId(), any.clientId(), List.of(), "LIVE", "Consultation", "now"));
        }
        return booking;
    }

    private void token(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<Seed.User> user = currentUser(ctx);
        if (user.isEmpty() && config.has(Bug.NO_AUTH_CHECK)) {
            user = seed.user("202");
        }
        if (user.isEmpty()) {
            ctx.status(401).json(Map.of("error", "not logged in"));
            return;
        }
        Optional<Seed.Booking> booking = bookingToJoin(id);
        if (booking.isEmpty()) {
            ctx.status(404).json(Map.of("error", "booking not found"));
            return;
        }
        if (!booking.get().involves(user.get()) && !config.has(Bug.OTHER_BOOKINGS_JOINABLE)) {
            ctx.status(403).json(Map.of("error", "not a participant of this booking"));
            return;
        }
        if (!booking.get().isLive() && !config.has(Bug.UPCOMING_BOOKING_JOINABLE)) {
            ctx.status(409).json(Map.of("error", "the booking is not live"));
            return;
        }
        TokenIssuer.JoinToken token = tokens.forParticipant(user.get(), booking.get());
        ctx.json(Map.of("token", token.token(), "url", config.livekitUrl(), "identity", token.identity(), "room", token.room(),
                "role", token.role(), "expiresAt", token.expiresAtEpochSeconds()));
    }

    /** An error page; with the vague-errors bug, one that says nothing a person can act on. */
    private String errorPage(Seed.User user, String title, String message, String back) {
        return config.has(Bug.VAGUE_ERRORS) ? Html.error(user, config.naming(), "Error", "Something went wrong.", back)
                : Html.error(user, config.naming(), title, message, back);
    }

    private void startRecording(Context ctx) throws Exception {
        withParty(ctx, !config.has(Bug.RECORDING_API_UNGUARDED), (user, booking) -> {
            if (egress != null) {
                ctx.json(Map.of("egress", egress.start(tokens.room(booking))));
                return;
            }
            TokenIssuer.JoinToken token = tokens.forRecorder(booking);
            ctx.json(Map.of("token", token.token(), "url", config.livekitUrl(), "identity", token.identity(), "room", token.room()));
        });
    }

    private void stopRecording(Context ctx) throws Exception {
        withParty(ctx, !config.has(Bug.RECORDING_STOP_UNGUARDED), (user, booking) -> {
            if (egress != null) {
                egress.stop(tokens.room(booking));
            }
            ctx.json(Map.of("recording", false));
        });
    }

    private void listRecordings(Context ctx) throws Exception {
        withParty(ctx, true, (user, booking) -> ctx.json(egress != null ? egress.finished(booking.id(), tokens.room(booking))
                : recordings.stream().filter(r -> r.bookingId().equals(booking.id())).toList()));
    }

    private void uploadRecording(Context ctx) throws Exception {
        withParty(ctx, true, (user, booking) -> {
            byte[] body = ctx.bodyAsBytes();
            long duration = Long.parseLong(Optional.ofNullable(ctx.header("X-Duration-Ms")).orElse("0"));
            Recording recording = new Recording(booking.id(), body.length, duration, Optional.ofNullable(ctx.contentType()).orElse("video/webm"));
            recordings.add(recording);
            ctx.status(201).json(recording);
        });
    }

    private void livekitClient(Context ctx) throws IOException {
        InputStream in = Files.newInputStream(config.livekitClientJs());
        ctx.contentType("application/javascript").result(in);
    }

    private interface PartyAction {
        void run(Seed.User user, Seed.Booking booking) throws Exception;
    }

    /** Runs the action for a logged-in participant of the booking; {@code providerOnly} answers 403 to clients. */
    private void withParty(Context ctx, boolean providerOnly, PartyAction action) throws Exception {
        Optional<Seed.User> user = currentUser(ctx);
        if (user.isEmpty()) {
            ctx.status(401).json(Map.of("error", "not logged in"));
            return;
        }
        Optional<Seed.Booking> booking = seed.booking(ctx.pathParam("id"));
        if (booking.isEmpty()) {
            ctx.status(404).json(Map.of("error", "booking not found"));
            return;
        }
        if (!booking.get().involves(user.get()) || (providerOnly && !user.get().id().equals(booking.get().providerId()))) {
            ctx.status(403).json(Map.of("error", "only the booking's provider may do this"));
            return;
        }
        action.run(user.get(), booking.get());
    }

    private interface UserAction {
        void run(Seed.User user) throws Exception;
    }

    private void withUser(Context ctx, UserAction action) throws Exception {
        Optional<Seed.User> user = currentUser(ctx);
        if (user.isEmpty()) {
            ctx.redirect("/login?reason=auth&next=" + ctx.path());
            return;
        }
        action.run(user.get());
    }

    private Optional<Seed.User> currentUser(Context ctx) {
        String id = ctx.sessionAttribute(USER);
        return id == null ? Optional.empty() : seed.user(id);
    }
}
