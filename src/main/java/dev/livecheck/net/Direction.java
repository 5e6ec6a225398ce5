package dev.livecheck.net;

/** Which way traffic crosses a browser's network path. */
public enum Direction {
    /** From the browser towards LiveKit (or any server). */
    UP,
    /** From LiveKit (or any server) towards the browser. */
    DOWN
}
