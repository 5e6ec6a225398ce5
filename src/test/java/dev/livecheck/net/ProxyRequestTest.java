package dev.livecheck.net;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyRequestTest {

    @Test
    void parsesAConnectTunnel() {
        ProxyRequest r = ProxyRequest.parse("CONNECT 127.0.0.1:7880 HTTP/1.1\r\nHost: 127.0.0.1:7880\r\n\r\n");
        assertThat(r.isTunnel()).isTrue();
        assertThat(r.host()).isEqualTo("127.0.0.1");
        assertThat(r.port()).isEqualTo(7880);
        assertThat(r.isFor("127.0.0.1:7880")).isTrue();
        assertThat(r).hasToString("CONNECT 127.0.0.1:7880");
    }

    @Test
    void parsesAnIpv6Tunnel() {
        ProxyRequest r = ProxyRequest.parse("CONNECT [::1]:443 HTTP/1.1\r\n\r\n");
        assertThat(r.host()).isEqualTo("::1");
        assertThat(r.authority()).isEqualTo("[::1]:443");
        assertThat(r.isFor("[::1]:443")).isTrue();
    }

    @Test
    void parsesAnAbsoluteFormRequestWithItsUrl() {
        ProxyRequest r = ProxyRequest.parse("POST http://LocalHost:8080/api/bookings/1/token?x=1 HTTP/1.1\r\nHost: localhost:8080\r\n\r\n");
        assertThat(r.isTunnel()).isFalse();
        assertThat(r.host()).isEqualTo("LocalHost");
        assertThat(r.isFor("localhost:8080")).isTrue();
        assertThat(r.url()).hasValueSatisfying(u -> assertThat(u.getPath()).isEqualTo("/api/bookings/1/token"));
        assertThat(ProxyRequest.parse("GET http://example.test/ HTTP/1.1\r\n\r\n").port()).isEqualTo(80);
    }

    @Test
    void theOriginHeadUsesOriginFormAndClosesTheConnection() {
        ProxyRequest r = ProxyRequest.parse("GET http://localhost:8080/a?b=c HTTP/1.1\r\nHost: localhost:8080\r\n"
                + "Proxy-Connection: keep-alive\r\nConnection: keep-alive\r\nAccept: */*\r\n\r\n");
        String head = new String(r.originHead(), StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("GET /a?b=c HTTP/1.1\r\n").endsWith("\r\n\r\n")
                .contains("Host: localhost:8080", "Accept: */*", "Connection: close")
                .doesNotContain("Proxy-Connection", "keep-alive");
    }

    @Test
    void anUpgradeKeepsItsConnectionHeader() {
        ProxyRequest r = ProxyRequest.parse("GET http://127.0.0.1:7880/rtc HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n");
        String head = new String(r.originHead(), StandardCharsets.ISO_8859_1);
        assertThat(head).contains("Connection: Upgrade", "Upgrade: websocket").doesNotContain("Connection: close");
        assertThat(r.header("upgrade")).hasValue("websocket");
    }

    @Test
    void rejectsWhatIsNotAProxyRequest() {
        assertThatThrownBy(() -> ProxyRequest.parse("GET /index.html HTTP/1.1\r\n\r\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxyRequest.parse("CONNECT nohost HTTP/1.1\r\n\r\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxyRequest.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
