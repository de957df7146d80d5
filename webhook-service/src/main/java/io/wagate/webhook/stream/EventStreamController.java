package io.wagate.webhook.stream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.wagate.webhook.auth.Caller;
import io.wagate.webhook.error.ApiException;
import io.wagate.webhook.error.ErrorCode;
import io.wagate.webhook.event.WebhookEventTypes;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * {@code GET /v1/events}: the organization's events as Server-Sent Events ({@code id} = event id,
 * {@code event} = type, {@code data} = the webhook JSON), from now on, or after {@code Last-Event-ID}.
 * {@code ?types=a,b} and {@code ?session_id=} narrow it.
 */
@Controller("/v1/events")
final class EventStreamController {

    private final JdbcEventStreamReader reader;
    private final EventStreamPump pump;

    EventStreamController(JdbcEventStreamReader reader, EventStreamPump pump) {
        this.reader = reader;
        this.pump = pump;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    @ExecuteOn(TaskExecutors.BLOCKING)
    Publisher<Event<String>> stream(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            @QueryValue @Nullable List<String> types,
            @QueryValue("session_id") @Nullable String sessionId,
            @Header("Last-Event-ID") @Nullable String lastEventId) {
        StreamFilter filter = new StreamFilter(caller.organizationId(), types(types), blankToNull(sessionId));
        String resumeAfter = blankToNull(lastEventId);
        long cursor = resumeAfter == null ? reader.lastSeq() : reader.cursorAfter(caller.organizationId(), resumeAfter);
        return pump.stream(filter, cursor);
    }

    private static List<String> types(@Nullable List<String> types) {
        if (types == null) {
            return List.of();
        }
        List<String> flat = types.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(type -> !type.isEmpty())
                .toList();
        List<String> unknown = flat.stream()
                .filter(type -> !WebhookEventTypes.ALL.contains(type))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(
                    ErrorCode.VALIDATION_ERROR,
                    "types: unknown event types " + unknown + "; known: " + WebhookEventTypes.ALL,
                    Map.of("field", "types", "unknown", unknown, "allowed", WebhookEventTypes.ALL));
        }
        return List.copyOf(new LinkedHashSet<>(flat));
    }

    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
