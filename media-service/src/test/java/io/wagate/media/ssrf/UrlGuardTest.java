package io.wagate.media.ssrf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {

    private final UrlGuard guard = new UrlGuard(List.of(), InetAddress::getAllByName);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/a.jpg",
                "http://127.8.9.10:8080/a.jpg",
                "http://localhost:8084/a.jpg",
                "http://10.0.0.1/a.jpg",
                "http://172.16.5.4/a.jpg",
                "http://192.168.1.1/a.jpg",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/a.jpg",
                "http://0.0.0.0/a.jpg",
                "http://224.0.0.1/a.jpg",
                "http://255.255.255.255/a.jpg",
                "http://[::1]/a.jpg",
                "http://[::]/a.jpg",
                "http://[fd00::1]/a.jpg",
                "http://[fd00:ec2::254]/latest/meta-data/",
                "http://[fe80::1]/a.jpg",
                "http://[::ffff:127.0.0.1]/a.jpg",
                "http://[::ffff:169.254.169.254]/a.jpg",
                "http://[64:ff9b::a00:1]/a.jpg",
                "http://[2002:7f00:1::]/a.jpg"
            })
    void internalAddressesAreRefused(String url) {
        assertThat(guard.check(URI.create(url))).isInstanceOf(UrlCheck.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"file:///etc/passwd", "ftp://8.8.8.8/a.jpg", "gopher://8.8.8.8/", "http://user:pw@8.8.8.8/"})
    void onlyPlainHttpUrlsAreFetched(String url) {
        assertThat(guard.check(URI.create(url))).isInstanceOf(UrlCheck.Refused.class);
    }

    @Test
    void theReasonNamesTheAddressAndWhyItIsRefused() {
        assertThat(guard.check(URI.create("http://169.254.169.254/")))
                .isEqualTo(new UrlCheck.Refused("169.254.169.254 resolves to 169.254.169.254, a link-local address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/a.jpg", "http://8.8.8.8:8080/", "https://[2606:4700::1111]/"})
    void publicAddressesAreAllowed(String url) {
        assertThat(guard.check(URI.create(url))).isInstanceOf(UrlCheck.Allowed.class);
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        UrlGuard guard = new UrlGuard(List.of(), host ->
                new InetAddress[] {InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.1.2.3")});

        assertThat(guard.check(URI.create("https://cdn.example/a.jpg"))).isInstanceOf(UrlCheck.Refused.class);
    }

    @Test
    void theAllowedAddressesAreTheOnesToConnectTo() throws Exception {
        UrlGuard guard = new UrlGuard(List.of(), host -> new InetAddress[] {InetAddress.getByName("8.8.4.4")});

        assertThat(guard.checkHost("cdn.example"))
                .isEqualTo(new UrlCheck.Allowed(List.of(InetAddress.getByName("8.8.4.4"))));
    }

    @Test
    void anAllowListedAddressIsAllowedThoughItIsLoopback() {
        UrlGuard allowing = new UrlGuard(List.of("127.0.0.2"), InetAddress::getAllByName);

        assertThat(allowing.check(URI.create("http://127.0.0.2:9000/a.jpg"))).isInstanceOf(UrlCheck.Allowed.class);
        assertThat(allowing.check(URI.create("http://127.0.0.1:9000/a.jpg"))).isInstanceOf(UrlCheck.Refused.class);
        assertThat(allowing.check(URI.create("http://10.0.0.1/a.jpg"))).isInstanceOf(UrlCheck.Refused.class);
    }

    @Test
    void anAllowListedBlockAllowsEveryAddressInIt() {
        UrlGuard allowing = new UrlGuard(List.of("10.0.0.0/8", "fd00::/8"), InetAddress::getAllByName);

        assertThat(allowing.check(URI.create("http://10.20.30.40/a.jpg"))).isInstanceOf(UrlCheck.Allowed.class);
        assertThat(allowing.check(URI.create("http://[fd12::1]/a.jpg"))).isInstanceOf(UrlCheck.Allowed.class);
        assertThat(allowing.check(URI.create("http://192.168.0.1/a.jpg"))).isInstanceOf(UrlCheck.Refused.class);
    }

    @Test
    void anAllowListedHostnameIsAllowedWhateverItResolvesTo() {
        UrlGuard allowing =
                new UrlGuard(List.of("files.internal"), host -> new InetAddress[] {InetAddress.getByName("10.1.2.3")});

        assertThat(allowing.check(URI.create("http://Files.Internal./a.jpg"))).isInstanceOf(UrlCheck.Allowed.class);
        assertThat(allowing.check(URI.create("http://other.internal/a.jpg"))).isInstanceOf(UrlCheck.Refused.class);
    }

    @Test
    void aHostThatDoesNotResolveIsUnresolvable() {
        UrlGuard guard = new UrlGuard(List.of(), host -> {
            throw new java.net.UnknownHostException(host);
        });

        assertThat(guard.check(URI.create("https://nowhere.example/a.jpg"))).isInstanceOf(UrlCheck.Unresolvable.class);
    }
}
