package io.wagate.session.transport.cobalt;

import java.time.Duration;

final class CobaltTestSettings {

    private CobaltTestSettings() {}

    static CobaltSettings through(RefusingProxy proxy) {
        return new CobaltSettings(
                "wagate-test",
                proxy.uri(),
                Duration.ofSeconds(60),
                Duration.ofSeconds(20),
                Duration.ofSeconds(180),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }
}
