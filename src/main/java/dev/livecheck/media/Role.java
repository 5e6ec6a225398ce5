package dev.livecheck.media;

import java.util.Locale;

/** The two sides of a consultation. */
public enum Role {
    PROVIDER, CLIENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Role other() {
        return this == PROVIDER ? CLIENT : PROVIDER;
    }
}
