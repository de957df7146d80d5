package io.wagate.webhook.ingest;

import io.micronaut.transaction.annotation.Transactional;
import io.wagate.webhook.delivery.JdbcDeliveryStore;
import io.wagate.webhook.endpoint.EndpointEntity;
import io.wagate.webhook.endpoint.JdbcEndpointRepository;
import io.wagate.webhook.event.WebhookEvent;
import jakarta.inject.Singleton;

/** Stores an event and its deliveries, one per subscribed endpoint, in one transaction. */
@Singleton
class EventIngestor {

    private final JdbcEventStore events;
    private final JdbcEndpointRepository endpoints;
    private final JdbcDeliveryStore deliveries;

    EventIngestor(JdbcEventStore events, JdbcEndpointRepository endpoints, JdbcDeliveryStore deliveries) {
        this.events = events;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    /** @return how many deliveries were created; 0 for an event seen before */
    @Transactional
    int ingest(WebhookEvent event) {
        if (!events.insertIfAbsent(event)) {
            // Its deliveries were committed with it; endpoints created since do not get old events.
            return 0;
        }
        var endpointIds = endpoints.findSubscribers(event.organizationId(), event.type()).stream()
                .map(EndpointEntity::id)
                .toList();
        deliveries.createPending(event.id(), endpointIds);
        return endpointIds.size();
    }
}
