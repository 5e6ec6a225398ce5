package dev.livecheck.media;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each role's fake media: red camera and a 440 Hz tone for the provider, blue and 660 Hz for the client
 * by default. Overridable per role ({@code livecheck.media.client.colour=#dc1e1e},
 * {@code livecheck.media.client.tone=440}, or your own files with {@code livecheck.media.client.video}
 * and {@code livecheck.media.client.audio}).
 */
public final class MediaCatalog {
    private static final Map<Role, Rgb> DEFAULT_COLOURS = Map.of(Role.PROVIDER, new Rgb(220, 30, 30), Role.CLIENT, new Rgb(51, 102, 204));
    private static final Map<Role, Integer> DEFAULT_TONES = Map.of(Role.PROVIDER, 440, Role.CLIENT, 660);

    /** A received colour matches within this distance per channel (VP8 and scaling shift it by ~15). */
    public static final int COLOUR_TOLERANCE = 60;
    /** A received tone matches within this (FFT bin ~6 Hz plus codec drift). */
    public static final int TONE_TOLERANCE_HZ = 25;

    private final Map<Role, FakeMedia> media = new EnumMap<>(Role.class);
    private final Path directory;

    public MediaCatalog(Settings settings, Path directory) {
        this.directory = directory.toAbsolutePath();
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new LivecheckException("cannot create " + directory + " for fake media: " + e.getMessage(), e);
        }
        for (Role role : Role.values()) {
            media.put(role, forRole(settings, role));
        }
        requireDistinguishable(media.get(Role.PROVIDER), media.get(Role.CLIENT));
    }

    /** If both roles looked or sounded alike, a check could not tell whose media arrived. */
    private static void requireDistinguishable(FakeMedia a, FakeMedia b) {
        if (a.colour().distance(b.colour()) < 2 * COLOUR_TOLERANCE) {
            throw new LivecheckException("provider and client cameras have nearly the same colour (" + a.colour() + " vs " + b.colour()
                    + "): a check could not tell whose video arrived — give livecheck.media.client.colour a clearly different colour");
        }
        if (Math.abs(a.toneHz() - b.toneHz()) < 2 * TONE_TOLERANCE_HZ) {
            throw new LivecheckException("provider and client microphones have nearly the same tone (" + a.toneHz() + " vs " + b.toneHz()
                    + " Hz): give livecheck.media.client.tone a clearly different frequency");
        }
    }

    public FakeMedia of(Role role) {
        return media.get(role);
    }

    /** Media for an extra participant (a third browser): its own colour and tone. */
    public FakeMedia custom(String name, Rgb colour, int toneHz) {
        return new FakeMedia(name, colour, toneHz,
                MediaFiles.writeY4m(directory.resolve(name + ".y4m"), colour),
                MediaFiles.writeWav(directory.resolve(name + ".wav"), toneHz));
    }

    private FakeMedia forRole(Settings settings, Role role) {
        String prefix = "livecheck.media." + role.id() + ".";
        Rgb colour = settings.get(prefix + "colour").map(Rgb::parse).orElse(DEFAULT_COLOURS.get(role));
        int tone = settings.getInt(prefix + "tone", DEFAULT_TONES.get(role));
        Optional<String> video = settings.get(prefix + "video");
        Optional<String> audio = settings.get(prefix + "audio");
        return new FakeMedia(role.id(), colour, tone,
                video.map(Path::of).orElseGet(() -> MediaFiles.writeY4m(directory.resolve(role.id() + ".y4m"), colour)),
                audio.map(Path::of).orElseGet(() -> MediaFiles.writeWav(directory.resolve(role.id() + ".wav"), tone)));
    }
}
