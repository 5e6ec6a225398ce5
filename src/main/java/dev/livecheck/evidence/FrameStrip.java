package dev.livecheck.evidence;

import dev.livecheck.browser.FrameRecorder;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A participant's last frames in one image, oldest first, each captioned with its time since the test's start. */
public final class FrameStrip {
    private static final int COLUMNS = 4;
    private static final int WIDTH = 320;
    private static final int CAPTION = 18;
    private static final int TITLE = 24;
    private static final int GAP = 4;

    private FrameStrip() {
    }

    public static byte[] jpeg(String title, List<FrameRecorder.Frame> frames, Instant zero) {
        System.setProperty("java.awt.headless", "true");
        List<BufferedImage> images = frames.stream().map(FrameStrip::decode).toList();
        int height = images.stream().mapToInt(i -> i == null ? WIDTH * 3 / 4 : i.getHeight() * WIDTH / Math.max(1, i.getWidth()))
                .max().orElse(WIDTH * 3 / 4);
        int rows = Math.max(1, (images.size() + COLUMNS - 1) / COLUMNS);
        int cell = height + CAPTION;
        BufferedImage strip = new BufferedImage(COLUMNS * (WIDTH + GAP) + GAP, TITLE + rows * (cell + GAP) + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = strip.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, strip.getWidth(), strip.getHeight());
        text(g, title, GAP, 17, Color.WHITE, 13);
        for (int i = 0; i < images.size(); i++) {
            int x = GAP + (i % COLUMNS) * (WIDTH + GAP);
            int y = TITLE + (i / COLUMNS) * (cell + GAP);
            BufferedImage image = images.get(i);
            if (image != null) {
                g.drawImage(image, x, y, WIDTH, image.getHeight() * WIDTH / Math.max(1, image.getWidth()), null);
            }
            Duration at = Duration.between(zero, frames.get(i).at());
            text(g, String.format(Locale.ROOT, "+%.1f s%s", at.toMillis() / 1000.0, i == images.size() - 1 ? " (last)" : ""),
                    x + 2, y + height + 14, new Color(230, 230, 230), 12);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(strip, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not encode the frame strip: " + e.getMessage(), e);
        }
    }

    private static BufferedImage decode(FrameRecorder.Frame frame) {
        try {
            return ImageIO.read(new ByteArrayInputStream(frame.jpeg()));
        } catch (IOException e) {
            return null;
        }
    }

    private static void text(Graphics2D g, String text, int x, int y, Color colour, int size) {
        g.setColor(colour);
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            g.drawString(text, x, y);
        } catch (RuntimeException noFonts) {
            // a machine without fonts: the frames without captions
        }
    }
}
