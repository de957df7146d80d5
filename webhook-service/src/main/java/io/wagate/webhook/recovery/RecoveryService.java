package io.wagate.webhook.recovery;

import io.wagate.webhook.auth.Caller;
import io.wagate.webhook.delivery.DeliveryDispatcher;
import io.wagate.webhook.endpoint.EndpointEntity;
import io.wagate.webhook.endpoint.EndpointService;
import io.wagate.webhook.error.ApiException;
import io.wagate.webhook.error.ErrorCode;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Manual retries and recovery of an endpoint's failed or missed deliveries. */
@Singleton
class RecoveryService {

    private final EndpointService endpoints;
    private final JdbcRecoveryStore store;
    private final DeliveryDispatcher dispatcher;

    RecoveryService(EndpointService endpoints, JdbcRecoveryStore store, DeliveryDispatcher dispatcher) {
        this.endpoints = endpoints;
        this.store = store;
        this.dispatcher = dispatcher;
    }

    /** One more attempt of one delivery, now: it keeps its attempt count, so a spent schedule allows one. */
    void retry(Caller caller, String endpointId, String deliveryId) {
        requireEnabled(endpoints.get(caller, endpointId));
        if (!store.makeDue(endpointId, deliveryId)) {
            throw ApiException.notFound("delivery " + deliveryId + " of webhook " + endpointId);
        }
        dispatcher.wake();
    }

    /**
     * Re-queues every delivery of the endpoint that failed since {@code since} (with a fresh retry
     * schedule), and creates the deliveries it missed while disabled.
     *
     * @return how many deliveries are due now
     */
    int recover(Caller caller, String endpointId, Instant since) {
        requireEnabled(endpoints.get(caller, endpointId));
        int recovered = store.requeueSince(endpointId, since);
        dispatcher.wake();
        return recovered;
    }

    private static void requireEnabled(EndpointEntity endpoint) {
        if (!endpoint.enabled()) {
            throw new ApiException(
                    ErrorCode.ENDPOINT_DISABLED, "webhook " + endpoint.id() + " is disabled; enable it first");
        }
    }
}
