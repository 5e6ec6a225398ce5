package dev.livecheck.net;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One request a browser made to its {@link BrowserProxy}: a {@code CONNECT host:port} tunnel (HTTPS, WSS,
 * and — in Chromium — plain {@code ws://} too), or a plain-HTTP request in absolute form
 * ({@code GET http://host:port/path HTTP/1.1}), whose full URL is known.
 *
 * @param method  the request method, {@code CONNECT} for a tunnel
 * @param host    the destination host as the browser wrote it (a name or an IP literal, without brackets)
 * @param port    the destination port
 * @param url     the full URL of a plain-HTTP request; empty for a tunnel
 * @param version the HTTP version of the request line
 * @param headers the header lines, unparsed ({@code Name: value})
 */
public record ProxyRequest(String method, String host, int port, Optional<URI> url, String version, List<String> headers) {

    /** Parses a request head (request line and header lines, CRLF or LF separated, no body). */
    public static ProxyRequest parse(String head) {
        List<String> lines = head.lines().takeWhile(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("empty request");
        }
        String[] requestLine = lines.get(0).split(" ");
        if (requestLine.length != 3) {
            throw new IllegalArgumentException("not an HTTP request line: " + lines.get(0));
        }
        String method = requestLine[0].toUpperCase(Locale.ROOT);
        String target = requestLine[1];
        List<String> headers = List.copyOf(lines.subList(1, lines.size()));
        if (method.equals("CONNECT")) {
            URI authority = URI.create("tunnel://" + target);
            if (authority.getHost() == null || authority.getPort() < 0) {
                throw new IllegalArgumentException("CONNECT needs host:port, got " + target);
            }
            return new ProxyRequest(method, unbracket(authority.getHost()), authority.getPort(), Optional.empty(), requestLine[2], headers);
        }
        URI url = URI.create(target);
        if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("a proxy request needs an absolute http:// URL, got " + target);
        }
        int port = url.getPort() < 0 ? 80 : url.getPort();
        return new ProxyRequest(method, unbracket(url.getHost()), port, Optional.of(url), requestLine[2], headers);
    }

    public boolean isTunnel() {
        return url.isEmpty();
    }

    /** {@code host:port}, with an IPv6 host in brackets. */
    public String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** True when this request goes to {@code host:port} (host compared case-insensitively, brackets optional). */
    public boolean isFor(String hostAndPort) {
        return authority().equalsIgnoreCase(hostAndPort) || (host + ":" + port).equalsIgnoreCase(hostAndPort);
    }

    /** The value of the first header of that name, if any. */
    public Optional<String> header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headers.stream()
                .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(h -> h.substring(prefix.length()).trim())
                .findFirst();
    }

    /**
     * The head to send to the origin server for a plain-HTTP request: origin-form request line, proxy
     * headers removed, and {@code Connection: close} (so every request has its own connection and the
     * proxy never needs to find where one response ends) unless the request is a protocol upgrade.
     */
    public byte[] originHead() {
        URI u = url.orElseThrow(() -> new IllegalStateException("a tunnel has no origin head"));
        String path = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        boolean upgrade = header("Upgrade").isPresent();
        List<String> out = new ArrayList<>();
        out.add(method + " " + path + " " + version);
        for (String h : headers) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("proxy-connection:") || lower.startsWith("proxy-authorization:")
                    || (!upgrade && (lower.startsWith("connection:") || lower.startsWith("keep-alive:")))) {
                continue;
            }
            out.add(h);
        }
        if (!upgrade) {
            out.add("Connection: close");
        }
        return (String.join("\r\n", out) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return method + " " + url.map(URI::toString).orElse(authority());
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
