package dev.livecheck.media;

import dev.livecheck.config.LivecheckException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A recording decoded with FFmpeg (Debian's {@code ffmpeg}/{@code ffprobe}): its length, what a frame shows and
 * what a stretch of it sounds like.
 */
public final class RecordedFile {
    public static final int SAMPLE_RATE = 16_000;
    private final Path file;

    public RecordedFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    public long durationMs() {
        String out = new String(run(List.of("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", file.toString())));
        try {
            return Math.round(Double.parseDouble(out.trim()) * 1000);
        } catch (NumberFormatException e) {
            throw new LivecheckException("ffprobe gave no duration for " + file + ": '" + out.trim() + "'");
        }
    }

    /** The kinds of stream the file holds ({@code video}, {@code audio}). */
    public List<String> streams() {
        String out = new String(run(List.of("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "default=nw=1:nk=1", file.toString())));
        return out.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    /** The frame at {@code seconds}, scaled to width × height, as RGB pixels. */
    public List<Rgb> frame(double seconds, int width, int height) {
        byte[] raw = run(List.of("ffmpeg", "-v", "error", "-ss", String.format(java.util.Locale.ROOT, "%.2f", seconds), "-i", file.toString(),
                "-frames:v", "1", "-vf", "scale=" + width + ":" + height, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"));
        List<Rgb> pixels = new ArrayList<>(raw.length / 3);
        for (int i = 0; i + 2 < raw.length; i += 3) {
            pixels.add(new Rgb(raw[i] & 0xff, raw[i + 1] & 0xff, raw[i + 2] & 0xff));
        }
        return pixels;
    }

    /** The frame at {@code seconds} as a PNG, for the report. */
    public byte[] framePng(double seconds) {
        return run(List.of("ffmpeg", "-v", "error", "-ss", String.format(java.util.Locale.ROOT, "%.2f", seconds), "-i", file.toString(),
                "-frames:v", "1", "-f", "image2", "-c:v", "png", "-"));
    }

    /** Mono 16 kHz samples of the stretch [from, from + length) in seconds. */
    public short[] audio(double from, double length) {
        byte[] raw = run(List.of("ffmpeg", "-v", "error", "-ss", String.format(java.util.Locale.ROOT, "%.2f", from), "-t",
                String.format(java.util.Locale.ROOT, "%.2f", length), "-i", file.toString(), "-vn", "-ac", "1", "-ar", Integer.toString(SAMPLE_RATE),
                "-f", "s16le", "-"));
        short[] samples = new short[raw.length / 2];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    private static byte[] run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = process.getInputStream()) {
                in.transferTo(out);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new LivecheckException(String.join(" ", command) + " failed (exit " + (process.isAlive() ? "timeout" : process.exitValue())
                        + "): is the file a recording? Run the command by hand to see why");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new LivecheckException(command.get(0) + " could not run (" + e.getMessage() + "): install FFmpeg (scripts/provision --egress does)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LivecheckException("interrupted while decoding " + command, e);
        }
    }
}
