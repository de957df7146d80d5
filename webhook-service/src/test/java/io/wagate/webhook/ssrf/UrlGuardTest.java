package io.wagate.webhook.ssrf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {

    private final UrlGuard guard = new UrlGuard(List.of(), InetAddress::getAllByName);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/hook",
                "http://127.8.9.10:8080/hook",
                "http://localhost:8082/hook",
                "http://10.0.0.1/hook",
                "http://172.16.5.4/hook",
                "http://192.168.1.1/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/hook",
                "http://0.0.0.0/hook",
                "http://224.0.0.1/hook",
                "http://255.255.255.255/hook",
                "http://[::1]/hook",
                "http://[::]/hook",
                "http://[fd00::1]/hook",
                "http://[fe80::1]/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://[::ffff:169.254.169.254]/hook",
                "http://[64:ff9b::a00:1]/hook",
                "http://[2002:7f00:1::]/hook"
            })
    void internalAddressesAreRefused(String url) {
        assertThat(guard.check(URI.create(url))).isInstanceOf(UrlCheck.Refused.class);
    }

    @Test
    void theReasonNamesTheAddressAndWhyItIsRefused() {
        assertThat(guard.check(URI.create("http://169.254.169.254/")))
                .isEqualTo(new UrlCheck.Refused("169.254.169.254 resolves to 169.254.169.254, a link-local address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "http://8.8.8.8:8080/", "https://[2606:4700::1111]/"})
    void publicAddressesAreAllowed(String url) {
        assertThat(guard.check(URI.create(url))).isInstanceOf(UrlCheck.Allowed.class);
    }

    @Test
    void anAllowListedAddressIsAllowedThoughItIsLoopback() {
        UrlGuard allowing = new UrlGuard(List.of("127.0.0.1"), InetAddress::getAllByName);

        assertThat(allowing.check(URI.create("http://127.0.0.1:9000/hook"))).isInstanceOf(UrlCheck.Allowed.class);
        assertThat(allowing.check(URI.create("http://127.0.0.2:9000/hook"))).isInstanceOf(UrlCheck.Refused.class);
        assertThat(allowing.check(URI.create("http://10.0.0.1/hook"))).isInstanceOf(UrlCheck.Refused.class);
    }

    @Test
    void anAllowListedBlockAllowsEveryAddressInIt() {
        UrlGuard allowing = new UrlGuard(List.of("10.0.0.0/8", "fd00::/8"), InetAddress::getAllByName);

        assertThat(allowing.check(URI.create("http://10.20.30.40/hook"))).isInstanceOf(UrlCheck.Allowed.class);
        assertThat(allowing.check(URI.create("http://[fd12::1]/hook"))).isInstanceOf(UrlCheck.Allowed.class);
        assertThat(allowing.check(URI.create("http://192.168.0.1/hook"))).isInstanceOf(UrlCheck.Refused.class);
    }

    @Test
    void anAllowListedHostnameIsAllowedWhateverItResolvesTo() {
        UrlGuard allowing = new UrlGuard(
                List.of("receiver.internal"), host -> new InetAddress[] {InetAddress.getByName("10.1.2.3")});

        assertThat(allowing.check(URI.create("http://Receiver.Internal./hook"))).isInstanceOf(UrlCheck.Allowed.class);
        assertThat(allowing.check(URI.create("http://other.internal/hook"))).isInstanceOf(UrlCheck.Refused.class);
    }

    @Test
    void aHostResolvingToAnyInternalAddressIsRefused() {
        // Given a name with one public and one private address (a rebinding attempt)
        UrlGuard guarding = new UrlGuard(List.of(), host ->
                new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")});

        assertThat(guarding.check(URI.create("https://example.test/hook")))
                .isEqualTo(new UrlCheck.Refused("example.test resolves to 10.0.0.7, a private address"));
    }

    @Test
    void aHostThatDoesNotResolveIsReportedSo() {
        UrlGuard guarding = new UrlGuard(List.of(), host -> {
            throw new UnknownHostException(host);
        });

        assertThat(guarding.check(URI.create("https://nowhere.invalid/hook")))
                .isInstanceOf(UrlCheck.Unresolvable.class);
    }
}
