package dev.livecheck.profile;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.media.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileLoaderTest {
    private static final Path APPS = Path.of("testdata/apps");

    @Test
    void theReferenceAppsProfileExtendsTheTestidsContractWithItsSeed() {
        AppProfile profile = ProfileLoader.load("reference-app", APPS, Map.of());

        assertThat(profile.source()).isEqualTo("testdata/apps/reference-app.yml ← built-in testids");
        assertThat(profile.account(Role.PROVIDER).username()).isEqualTo("provider@clinic.test");
        assertThat(profile.identityOf(profile.account(Role.CLIENT)).exact()).contains("client-202");
        assertThat(profile.liveRoom().exact()).contains("booking-5001");
        assertThat(profile.sessionPath("5001")).isEqualTo("/session/5001");
        assertThat(profile.conventions().connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(profile.requireLocator("login.username").by(Map.of()).toString()).contains("[data-testid='login-email']");
        assertThat(profile.session("notTheirs")).contains("5005");
        assertThat(profile.notApplicable()).isEmpty();
    }

    @Test
    void theMechanicProfileRenamesRolesRoomsAndConsoleLinesWithoutCode() {
        AppProfile profile = ProfileLoader.load("reference-app-mechanic", APPS, Map.of());

        assertThat(profile.roleName(Role.PROVIDER)).isEqualTo("mechanic");
        assertThat(profile.identityOf(profile.account(Role.PROVIDER)).exact()).contains("mechanic-101");
        assertThat(profile.liveRoom().exact()).isEmpty();
        assertThat(profile.liveRoom().matches("session-3f0c2a4e-9a1b-3c2d-8e7f-0123456789ab")).isTrue();
        assertThat(profile.liveRoom().matches("booking-5001")).isFalse();
        assertThat(profile.conventions().consoleLine("participant", Map.of("identity", "customer-202", "role", "customer")).orElseThrow()
                .foundIn("[ParticipantMonitor]   - customer-202: customer")).isTrue();
        assertThat(profile.conventions().consoleLine("roleAssigned", Map.of("role", "mechanic")).orElseThrow()
                .foundIn("[DIAGNOSTIC PAGE SECURITY] Role assigned: MECHANIC")).isTrue();
        assertThat(profile.conventions().consoleLine("connected", Map.of("room", "x"))).as("removed with null").isEmpty();
        assertThat(profile.flow().preJoin()).isTrue();
    }

    @Test
    void aSettingOverridesOneEntry() {
        AppProfile profile = ProfileLoader.load("reference-app", APPS,
                Map.of("sessions.live", "5002", "locators.login.username", "css:#email", "conventions.connectTimeoutMs", "15000"));

        assertThat(profile.liveSession()).isEqualTo("5002");
        assertThat(profile.requireLocator("login.username")).hasToString("css:#email");
        assertThat(profile.conventions().connectTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theBuiltInProfilesLoadFromTheClasspath(@TempDir Path empty) {
        assertThat(ProfileLoader.load("testids", empty, Map.of()).source()).isEqualTo("built-in testids");
    }

    @Test
    void anUnknownKeyIsNamedWithTheFile(@TempDir Path dir) throws IOException {
        write(dir, "typo", "flow:\n  loginPth: /login\n");

        assertThatThrownBy(() -> ProfileLoader.load("typo", dir, Map.of())).isInstanceOf(LivecheckException.class)
                .hasMessageContaining("flow.loginPth is not a key livecheck knows").hasMessageContaining("typo.yml");
    }

    @Test
    void anUnknownElementIsNamed(@TempDir Path dir) throws IOException {
        write(dir, "typo", "locators:\n  login.usrname: css:#u\n");

        assertThatThrownBy(() -> ProfileLoader.load("typo", dir, Map.of()))
                .hasMessageContaining("locators.login.usrname is not an element livecheck knows");
    }

    @Test
    void aFlowWithoutItsElementsIsRefused(@TempDir Path dir) throws IOException {
        write(dir, "nologin", "locators:\n  login.submit: null\n");

        assertThatThrownBy(() -> ProfileLoader.load("nologin", dir, Map.of()))
                .hasMessageContaining("locators.login.submit is missing").hasMessageContaining("the flow needs it");
    }

    @Test
    void anAppWithoutLoginNeedsNoLoginElements(@TempDir Path dir) throws IOException {
        write(dir, "open", "notApplicable: {login: no accounts, bookings: rooms by URL}\nflow: {join: url}\nlocators:\n  login.username: null\n");

        AppProfile profile = ProfileLoader.load("open", dir, Map.of());
        assertThat(profile.offers(Feature.LOGIN)).isFalse();
        assertThat(profile.flow().join()).isEqualTo(AppProfile.JoinVia.URL);
        assertThat(profile.notApplicable(Feature.BOOKINGS)).contains("rooms by URL");
    }

    @Test
    void joiningThroughBookingsTheAppDoesNotHaveIsRefused(@TempDir Path dir) throws IOException {
        write(dir, "nobookings", "notApplicable: {bookings: rooms by URL}\n");

        assertThatThrownBy(() -> ProfileLoader.load("nobookings", dir, Map.of())).hasMessageContaining("flow.join is bookings");
    }

    @Test
    void anUnknownFeatureIsNamed(@TempDir Path dir) throws IOException {
        write(dir, "na", "notApplicable: {chat: none}\n");

        assertThatThrownBy(() -> ProfileLoader.load("na", dir, Map.of())).hasMessageContaining("notApplicable.chat is not a feature");
    }

    @Test
    void rolesKeptNowhereMustBeDeclaredNotApplicable(@TempDir Path dir) throws IOException {
        write(dir, "noroles", "conventions:\n  role: none\n");

        assertThatThrownBy(() -> ProfileLoader.load("noroles", dir, Map.of())).hasMessageContaining("conventions.role is none");
    }

    @Test
    void anUnknownPlaceholderFailsAtLoad(@TempDir Path dir) throws IOException {
        write(dir, "ph", "conventions:\n  room: booking-{bookingId}\n");

        assertThatThrownBy(() -> ProfileLoader.load("ph", dir, Map.of())).hasMessageContaining("uses {bookingId}");
    }

    @Test
    void aCycleOfExtendsIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yml"), "extends: b\nname: a\n");
        Files.writeString(dir.resolve("b.yml"), "extends: a\nname: b\n");

        assertThatThrownBy(() -> ProfileLoader.load("a", dir, Map.of())).hasMessageContaining("extends itself");
    }

    @Test
    void aMissingProfileSaysWhereItLooked(@TempDir Path dir) {
        assertThatThrownBy(() -> ProfileLoader.load("nope", dir, Map.of())).hasMessageContaining("no app profile 'nope'")
                .hasMessageContaining("livecheck.app.profile");
    }

    /** A profile extending the reference app's, with these lines on top. */
    private static void write(Path dir, String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name + ".yml"), "extends: " + APPS.resolve("reference-app.yml").toAbsolutePath() + "\nname: " + name + "\n" + yaml);
    }
}
