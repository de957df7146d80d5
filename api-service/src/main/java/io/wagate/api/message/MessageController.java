package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.wagate.api.auth.Caller;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import java.util.List;
import java.util.Set;

/** Reading messages; sending them is {@code io.wagate.api.sending}. */
@Controller("/v1/sessions/{id}/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MessageController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Set<String> DIRECTIONS = Set.of(Message.OUTBOUND, Message.INBOUND);

    private final MessageService messages;

    MessageController(MessageService messages) {
        this.messages = messages;
    }

    @Get("/{messageId}")
    public MessageJson get(Caller caller, String id, String messageId) {
        return messages.find(caller, id, messageId);
    }

    @Get
    public ListJson list(
            Caller caller,
            String id,
            @QueryValue @Nullable String direction,
            @QueryValue @Nullable String limit,
            @QueryValue @Nullable String cursor) {
        if (direction != null && !direction.isEmpty() && !DIRECTIONS.contains(direction)) {
            throw new ApiException(ApiError.ValidationError.of("direction", "must be outbound or inbound"));
        }
        var page = messages.list(
                caller,
                id,
                direction == null || direction.isEmpty() ? null : direction,
                limit(limit),
                cursor == null || cursor.isEmpty() ? null : cursor);
        return new ListJson(page.data(), page.nextCursor());
    }

    private static int limit(@Nullable String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiException(ApiError.ValidationError.of("limit", "must be a whole number from 1 to " + MAX_LIMIT));
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record ListJson(List<MessageJson> data, @Nullable String nextCursor) {}
}
