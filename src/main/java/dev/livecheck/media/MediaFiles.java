package dev.livecheck.media;

import dev.livecheck.config.LivecheckException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the fake camera (Y4M) and microphone (WAV) files Chromium loops over. */
public final class MediaFiles {
    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    static final int FPS = 15;
    static final int FRAMES = 30;
    static final int SAMPLE_RATE = 48_000;
    private static final int MARKER = 32;

    private MediaFiles() {
    }

    /**
     * A solid colour with a small white square moving across it: the colour says whose camera it is,
     * the moving square lets a check tell a live picture from a frozen one.
     */
    public static Path writeY4m(Path file, Rgb colour) {
        int[] yuv = toYuv(colour);
        int[] white = toYuv(new Rgb(255, 255, 255));
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F" + FPS + ":1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            byte[] y = new byte[WIDTH * HEIGHT];
            byte[] u = new byte[WIDTH * HEIGHT / 4];
            byte[] v = new byte[WIDTH * HEIGHT / 4];
            for (int frame = 0; frame < FRAMES; frame++) {
                int markerX = frame * (WIDTH - MARKER) / (FRAMES - 1);
                int markerY = (HEIGHT - MARKER) / 2;
                for (int row = 0; row < HEIGHT; row++) {
                    for (int col = 0; col < WIDTH; col++) {
                        boolean marker = col >= markerX && col < markerX + MARKER && row >= markerY && row < markerY + MARKER;
                        y[row * WIDTH + col] = (byte) (marker ? white[0] : yuv[0]);
                    }
                }
                for (int row = 0; row < HEIGHT / 2; row++) {
                    for (int col = 0; col < WIDTH / 2; col++) {
                        boolean marker = col * 2 >= markerX && col * 2 < markerX + MARKER && row * 2 >= markerY && row * 2 < markerY + MARKER;
                        u[row * WIDTH / 2 + col] = (byte) (marker ? white[1] : yuv[1]);
                        v[row * WIDTH / 2 + col] = (byte) (marker ? white[2] : yuv[2]);
                    }
                }
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(y);
                out.write(u);
                out.write(v);
            }
        } catch (IOException e) {
            throw new LivecheckException("cannot write fake video " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** One second of a sine tone at half scale, a whole number of cycles so the loop doesn't click. */
    public static Path writeWav(Path file, int toneHz) {
        int samples = SAMPLE_RATE;
        ByteBuffer data = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        data.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        data.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
        data.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            data.putShort((short) Math.round(0.5 * Short.MAX_VALUE * Math.sin(2 * Math.PI * toneHz * i / SAMPLE_RATE)));
        }
        try {
            Files.write(file, data.array());
        } catch (IOException e) {
            throw new LivecheckException("cannot write fake audio " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** Full-range BT.601, what the C420jpeg colour space means. */
    static int[] toYuv(Rgb c) {
        double y = 0.299 * c.r() + 0.587 * c.g() + 0.114 * c.b();
        double u = 128 - 0.168736 * c.r() - 0.331264 * c.g() + 0.5 * c.b();
        double v = 128 + 0.5 * c.r() - 0.418688 * c.g() - 0.081312 * c.b();
        return new int[] {clamp(y), clamp(u), clamp(v)};
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
