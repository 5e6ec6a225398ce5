package dev.livecheck.media;

import dev.livecheck.config.LivecheckException;

import java.nio.file.Path;

/**
 * What a participant's fake camera and microphone send: a colour and a tone of its own, so a check can
 * tell <em>whose</em> media arrived. The files are Chromium's {@code --use-file-for-fake-*-capture} inputs.
 */
public record FakeMedia(String name, Rgb colour, int toneHz, Path video, Path audio) {
    public FakeMedia {
        requireReadable(video, "video");
        requireReadable(audio, "audio");
    }

    /** The beep livecheck's timestamped microphone plays on every whole second, at a frequency of this role's own. */
    public int beepHz() {
        return toneHz * 5 / 2;
    }

    private static void requireReadable(Path file, String kind) {
        if (!file.isAbsolute() || !java.nio.file.Files.isReadable(file)) {
            throw new LivecheckException("fake " + kind + " file " + file + " is missing or unreadable: "
                    + "give an absolute path to a readable file, or unset it to let livecheck generate one");
        }
    }
}
