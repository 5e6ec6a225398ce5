package dev.livecheck.selftest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.bonigarcia.wdm.WebDriverManager;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Chrome-for-Testing mirror on loopback, as a company mirror would serve it: the two version lists
 * WebDriverManager reads, and one chromedriver zip (a real driver, zipped) for one version.
 */
final class ChromedriverMirror implements AutoCloseable {
    private final HttpServer server;
    private final List<String> served = new CopyOnWriteArrayList<>();

    private ChromedriverMirror(HttpServer server) {
        this.server = server;
    }

    static ChromedriverMirror serving(Path chromedriver, String version) throws IOException {
        byte[] zip = zip(chromedriver);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ChromedriverMirror mirror = new ChromedriverMirror(server);
        String base = mirror.url();
        String download = "{\"platform\":\"linux64\",\"url\":\"" + base + "/" + version + "/linux64/chromedriver-linux64.zip\"}";
        String release = "{\"version\":\"" + version + "\",\"revision\":\"1\",\"downloads\":{\"chromedriver\":[" + download + "]}}";
        mirror.serve("/known-good-versions-with-downloads.json", ("{\"timestamp\":\"now\",\"versions\":[" + release + "]}").getBytes(StandardCharsets.UTF_8));
        mirror.serve("/last-known-good-versions-with-downloads.json",
                ("{\"timestamp\":\"now\",\"channels\":{\"Stable\":" + release.replace("{\"version\"", "{\"channel\":\"Stable\",\"version\"") + "}}")
                        .getBytes(StandardCharsets.UTF_8));
        mirror.serve("/" + version + "/linux64/chromedriver-linux64.zip", zip);
        server.start();
        return mirror;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Paths requested so far. */
    List<String> served() {
        return List.copyOf(served);
    }

    /** WebDriverManager pointed at this mirror (or any base URL), with its own cache. */
    static WebDriverManager configured(String base, Path cache) {
        WebDriverManager wdm = WebDriverManager.chromedriver().cachePath(cache.toString());
        wdm.config().setChromeGoodVersionsUrl(base + "/known-good-versions-with-downloads.json")
                .setChromeLastGoodVersionsUrl(base + "/last-known-good-versions-with-downloads.json")
                .setChromeDownloadUrlPattern(base + "/%s/%s/chromedriver-%s.zip");
        return wdm;
    }

    private void serve(String path, byte[] body) {
        server.createContext(path, exchange -> respond(exchange, path, body));
    }

    private void respond(HttpExchange exchange, String path, byte[] body) throws IOException {
        served.add(path);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] zip(Path chromedriver) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("chromedriver-linux64/chromedriver"));
            Files.copy(chromedriver, zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
