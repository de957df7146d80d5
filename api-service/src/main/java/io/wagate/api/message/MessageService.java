package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import io.wagate.api.auth.Caller;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.session.Session;
import io.wagate.api.session.SessionService;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads messages: one with its history, or a session's, newest first, a page at a time. */
@Singleton
public class MessageService {

    private final SessionService sessions;
    private final MessageRepository messages;
    private final MessageEventRepository history;

    MessageService(SessionService sessions, MessageRepository messages, MessageEventRepository history) {
        this.sessions = sessions;
        this.messages = messages;
        this.history = history;
    }

    /** The caller's message on the caller's session, with its history. */
    public MessageJson find(Caller caller, String sessionId, String messageId) {
        Message message = target(caller, sessions.get(caller, sessionId), messageId);
        return MessageJson.of(message, history.findByMessageIdOrderByOccurredAt(messageId));
    }

    /** A page of the session's messages; {@code cursor} is the previous page's {@code next_cursor}. */
    public Page list(Caller caller, String sessionId, @Nullable String direction, int limit, @Nullable String cursor) {
        Session session = sessions.get(caller, sessionId);
        List<Message> found = messages.findPage(session.id(), caller.organizationId(), direction, cursor, limit + 1);
        List<Message> page = found.size() > limit ? found.subList(0, limit) : found;
        Map<String, List<MessageEventRow>> steps = page.isEmpty()
                ? Map.of()
                : history
                        .findByMessageIdInOrderByOccurredAt(
                                page.stream().map(Message::id).toList())
                        .stream()
                        .collect(Collectors.groupingBy(MessageEventRow::messageId));
        List<MessageJson> data = new ArrayList<>();
        page.forEach(message -> data.add(MessageJson.of(message, steps.getOrDefault(message.id(), List.of()))));
        return new Page(data, found.size() > limit ? page.getLast().id() : null);
    }

    /** The caller's message on this session, for an edit or deletion to aim at. */
    public Message target(Caller caller, Session session, String messageId) {
        return messages.findByIdAndSessionIdAndOrganizationId(messageId, session.id(), caller.organizationId())
                .orElseThrow(() -> new ApiException(new ApiError.NotFound("message not found")));
    }

    public record Page(List<MessageJson> data, @Nullable String nextCursor) {}
}
