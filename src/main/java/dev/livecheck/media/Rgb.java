package dev.livecheck.media;

import dev.livecheck.config.LivecheckException;

/** A colour as it is seen on a canvas. */
public record Rgb(int r, int g, int b) {
    public static Rgb parse(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (!h.matches("[0-9a-fA-F]{6}")) {
            throw new LivecheckException("colour '" + hex + "' is not #rrggbb: give e.g. #dc1e1e");
        }
        int v = Integer.parseInt(h, 16);
        return new Rgb(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
    }

    /** Largest difference over the three channels. */
    public int distance(Rgb other) {
        return Math.max(Math.abs(r - other.r), Math.max(Math.abs(g - other.g), Math.abs(b - other.b)));
    }

    @Override
    public String toString() {
        return "rgb(" + r + "," + g + "," + b + ")";
    }
}
