package io.wagate.webhook.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Per-endpoint limits within this instance: at most {@code max-concurrency-per-endpoint} attempts in
 * flight to one endpoint, so a slow or dead one cannot take every slot; and for an endpoint with a rate
 * limit, attempts paced one every {@code 1/rate} seconds, never dropped. A paced attempt waits at most
 * the pacing horizon ({@link DeliveryConfig#pacingHorizon()}): no more of its deliveries are let in at once.
 */
final class EndpointGates {

    private final int maxPerEndpoint;
    private final Duration pacingHorizon;
    private final LongSupplier nanoClock;
    private final Map<String, Gate> gates = new HashMap<>();

    EndpointGates(int maxPerEndpoint, Duration pacingHorizon) {
        this(maxPerEndpoint, pacingHorizon, System::nanoTime);
    }

    EndpointGates(int maxPerEndpoint, Duration pacingHorizon, LongSupplier nanoClock) {
        this.maxPerEndpoint = maxPerEndpoint;
        this.pacingHorizon = pacingHorizon;
        this.nanoClock = nanoClock;
    }

    /** Endpoints that cannot take another attempt now: not worth claiming deliveries for. */
    synchronized Set<String> saturated() {
        return gates.entrySet().stream()
                .filter(entry -> entry.getValue().inFlight >= entry.getValue().limit)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Lets the delivery in if its endpoint has room, and reserves its turn.
     *
     * @return how long it must wait before its attempt, or null when the endpoint is full
     */
    synchronized Duration enter(ClaimedDelivery delivery) {
        Gate gate = gates.computeIfAbsent(delivery.endpointId(), id -> new Gate());
        gate.limit = limitFor(delivery.rateLimit());
        if (gate.inFlight >= gate.limit) {
            return null;
        }
        gate.inFlight++;
        if (delivery.rateLimit() == null) {
            return Duration.ZERO;
        }
        long now = nanoClock.getAsLong();
        long slot = Math.max(now, gate.nextSlot);
        gate.nextSlot = slot + 1_000_000_000L / delivery.rateLimit();
        return Duration.ofNanos(slot - now);
    }

    /** @return whether the endpoint was full until now, so its due deliveries may be claimed again */
    synchronized boolean leave(String endpointId) {
        Gate gate = gates.get(endpointId);
        if (gate == null) {
            return false;
        }
        boolean wasFull = gate.inFlight >= gate.limit;
        gate.inFlight--;
        if (gate.inFlight <= 0 && gate.nextSlot - nanoClock.getAsLong() <= 0) {
            gates.remove(endpointId);
        }
        return wasFull;
    }

    private int limitFor(Integer rateLimit) {
        if (rateLimit == null) {
            return maxPerEndpoint;
        }
        long paced = Math.max(1, rateLimit * pacingHorizon.toMillis() / 1000);
        return (int) Math.min(maxPerEndpoint, paced);
    }

    private static final class Gate {
        int inFlight;
        int limit;
        long nextSlot = Long.MIN_VALUE / 2;
    }
}
