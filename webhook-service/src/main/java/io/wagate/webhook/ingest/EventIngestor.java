package io.wagate.webhook.ingest;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.wagate.webhook.delivery.JdbcDeliveryStore;
import io.wagate.webhook.delivery.NewDelivery;
import io.wagate.webhook.endpoint.EndpointEntity;
import io.wagate.webhook.endpoint.JdbcEndpointRepository;
import io.wagate.webhook.event.EventsStored;
import io.wagate.webhook.event.WebhookEvent;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores events and their deliveries, one per endpoint that wants each, in one transaction; then tells
 * the dispatcher and the event streams ({@link EventsStored}).
 */
@Singleton
public class EventIngestor {

    private final JdbcEventStore events;
    private final JdbcEndpointRepository endpoints;
    private final JdbcDeliveryStore deliveries;
    private final ApplicationEventPublisher<EventsStored> stored;

    EventIngestor(
            JdbcEventStore events,
            JdbcEndpointRepository endpoints,
            JdbcDeliveryStore deliveries,
            ApplicationEventPublisher<EventsStored> stored) {
        this.events = events;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.stored = stored;
    }

    /**
     * Joins the caller's transaction if there is one (disabling an endpoint emits its event this way).
     *
     * @return how many deliveries were created; none for events seen before
     */
    @Transactional
    public int ingest(List<WebhookEvent> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        Set<String> inserted = events.insertNew(batch);
        // Events seen before had their deliveries committed with them; endpoints created since do not get them.
        List<WebhookEvent> fresh =
                batch.stream().filter(event -> inserted.contains(event.id())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<String, List<EndpointEntity>> endpointsByOrganization =
                endpoints
                        .findEnabledOf(
                                fresh.stream().map(WebhookEvent::organizationId).collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.groupingBy(EndpointEntity::organizationId));
        List<NewDelivery> pending = new ArrayList<>();
        for (WebhookEvent event : fresh) {
            for (EndpointEntity endpoint : endpointsByOrganization.getOrDefault(event.organizationId(), List.of())) {
                if (endpoint.wants(event.type(), event.sessionId())) {
                    pending.add(new NewDelivery(event.id(), endpoint.id(), event.sessionId()));
                }
            }
        }
        deliveries.createPending(pending);
        stored.publishEvent(new EventsStored(fresh.size(), pending.size()));
        return pending.size();
    }
}
