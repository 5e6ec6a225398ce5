package dev.livecheck.check;

import dev.livecheck.browser.Participant;
import dev.livecheck.profile.Account;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Who the page says is signed in: the account that signed in, by its name or its username — not anyone, not the other person. */
public final class SignedIn {
    private SignedIn() {
    }

    public static void assertShowsOwnAccount(Participant p, Participant other) {
        String shown = p.nav().currentUser();
        assertThat(shown).as("signed-in user shown on %s's page", p.name()).isNotBlank();
        Account own = p.account();
        if (own.name().isBlank() && own.username().isBlank()) {
            return; // the profile names neither: nothing to hold the page to beyond a name being shown
        }
        assertThat(names(shown, own)).as("%s's page shows \"%s\" as signed in: the account's name \"%s\" or username \"%s\"",
                p.name(), shown, own.name(), own.username()).isTrue();
        Account theirs = other.account();
        boolean alsoTheirs = names(shown, theirs) && !names(own.name() + " " + own.username(), theirs);
        assertThat(alsoTheirs).as("%s's page shows \"%s\" as signed in, which names %s's account", p.name(), shown, other.name()).isFalse();
    }

    private static boolean names(String shown, Account account) {
        String lower = shown.toLowerCase(Locale.ROOT);
        return (!account.name().isBlank() && lower.contains(account.name().toLowerCase(Locale.ROOT)))
                || (!account.username().isBlank() && lower.contains(account.username().toLowerCase(Locale.ROOT)));
    }
}
