package io.wagate.webhook.endpoint;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How an endpoint's deliveries are ordered. {@code fifo}: one session's events reach it in the order
 * they happened, a failing one holding back the later ones of that session (docs/adr/0006).
 */
public enum EndpointOrdering {
    BEST_EFFORT,
    FIFO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(EndpointOrdering::wireName).toList();
    }

    static Optional<EndpointOrdering> fromWire(String value) {
        return Arrays.stream(values())
                .filter(ordering -> ordering.wireName().equals(value))
                .findFirst();
    }

    static EndpointOrdering parse(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown ordering " + value));
    }
}
