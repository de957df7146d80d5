package io.wagate.webhook.testing;

import io.wagate.testsupport.Infrastructure;
import java.util.Map;

/**
 * A running webhook-service and what an integration test drives it with: a local receiver (which
 * also answers api-service's introspection call, see {@link ApiServiceContractStub}), a producer of
 * events, and its database. Loopback targets are allowed; {@code settings} adds or overrides
 * {@code wagate.*} properties.
 */
public record Testbed(
        WebhookReceiver receiver,
        ApiServiceContractStub apiService,
        RunningWebhookService service,
        EventProducer events,
        WebhookDatabase database)
        implements AutoCloseable {

    public static Testbed start(Infrastructure infrastructure, Map<String, Object> settings) {
        WebhookReceiver receiver = WebhookReceiver.start();
        ApiServiceContractStub apiService = ApiServiceContractStub.servedBy(receiver);
        String jdbcUrl = infrastructure.postgres().newDatabase();
        String topicPrefix = Infrastructure.uniqueTopicPrefix();
        Map<String, Object> properties =
                RunningWebhookService.properties(infrastructure, jdbcUrl, topicPrefix, receiver.baseUrl());
        properties.put("wagate.webhooks.allowed-hosts", "127.0.0.1");
        properties.putAll(settings);
        return new Testbed(
                receiver,
                apiService,
                RunningWebhookService.start(properties),
                new EventProducer(infrastructure.kafkaBootstrapServers(), topicPrefix),
                new WebhookDatabase(jdbcUrl, infrastructure.postgres()));
    }

    /** A new organization, with a key {@link ApiServiceContractStub} answers for. */
    public Organization newOrganization() {
        String id = "org_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        apiService.knows("wag_" + id, id);
        return new Organization(id, "wag_" + id);
    }

    @Override
    public void close() {
        events.close();
        service.close();
        receiver.close();
    }
}
