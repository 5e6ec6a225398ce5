package dev.livecheck.check;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** A PNG of one direction over the window: video and audio latency (top), frames per second (bottom). */
final class QualityChart {
    private static final int W = 760;
    private static final int H = 360;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;

    private QualityChart() {
    }

    static byte[] png(Quality.Measurement m) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double windowMs = m.windowSeconds() * 1000;
        long maxLatency = Math.max(200, Math.max(m.latencies().stream().mapToLong(p -> p[1]).max().orElse(0),
                m.audioLatencies().stream().mapToLong(p -> p[1]).max().orElse(0)));
        plotArea(g, 30, 170, "latency (ms), video blue, audio orange; max " + maxLatency);
        series(g, Quality.sortedByTime(m.latencies()), windowMs, maxLatency, 30, 170, new Color(40, 90, 200), false);
        series(g, Quality.sortedByTime(m.audioLatencies()), windowMs, maxLatency, 30, 170, new Color(230, 130, 20), true);
        double maxFps = Math.max(30, m.fpsPerSecond().stream().mapToDouble(p -> p[1]).max().orElse(0));
        plotArea(g, 220, 110, "frames per second; max " + Math.round(maxFps) + "; " + m.direction());
        List<long[]> fps = m.fpsPerSecond().stream().map(p -> new long[] {(long) (p[0] * 1000 + 500), (long) p[1]}).toList();
        series(g, fps, windowMs, (long) maxFps, 220, 110, new Color(40, 150, 60), false);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void plotArea(Graphics2D g, int top, int height, String title) {
        g.setColor(new Color(235, 235, 235));
        g.fillRect(LEFT, top, W - LEFT - RIGHT, height);
        g.setColor(Color.DARK_GRAY);
        try {
            g.drawString(title, LEFT, top - 6);
        } catch (RuntimeException noFonts) {
            // a machine without fonts: the chart without its title
        }
    }

    private static void series(Graphics2D g, List<long[]> points, double windowMs, long max, int top, int height, Color colour, boolean dots) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f));
        int px = -1;
        int py = -1;
        for (long[] p : points) {
            int x = LEFT + (int) ((W - LEFT - RIGHT) * Math.min(1.0, p[0] / windowMs));
            int y = top + height - (int) (height * Math.min(1.0, p[1] / (double) max));
            if (dots) {
                g.fillOval(x - 3, y - 3, 6, 6);
            } else if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
    }
}
