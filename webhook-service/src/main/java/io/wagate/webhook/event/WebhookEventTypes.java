package io.wagate.webhook.event;

import io.wagate.schemas.EventTypes;
import java.util.List;
import java.util.stream.Stream;

/** The event types an endpoint or the event stream can ask for: the contract's, and our own. */
public final class WebhookEventTypes {

    /** Made by webhook-service when it disables an endpoint; goes to the organization's other endpoints. */
    public static final String ENDPOINT_DISABLED = "webhook.endpoint.disabled";

    public static final List<String> ALL =
            Stream.concat(EventTypes.ALL.stream(), Stream.of(ENDPOINT_DISABLED)).toList();

    private WebhookEventTypes() {}
}
