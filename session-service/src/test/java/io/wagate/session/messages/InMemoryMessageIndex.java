package io.wagate.session.messages;

import io.wagate.session.SessionRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The message index of one test: a list, with the lookups {@link JdbcMessageIndex} makes. */
public final class InMemoryMessageIndex implements MessageIndex {

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    private record Entry(SessionRef session, KnownMessage message) {}

    @Override
    public Optional<KnownMessage> find(SessionRef session, String id) {
        return entries.stream()
                .filter(entry -> entry.session().equals(session))
                .map(Entry::message)
                .filter(message -> message.messageId().equals(id)
                        || message.key().waMessageId().equals(id))
                .findFirst();
    }

    @Override
    public boolean knows(SessionRef session, String waMessageId) {
        return entries.stream()
                .anyMatch(entry -> entry.session().equals(session)
                        && entry.message().key().waMessageId().equals(waMessageId));
    }

    @Override
    public void remember(SessionRef session, KnownMessage message) {
        if (!knows(session, message.key().waMessageId())) {
            entries.add(new Entry(session, message));
        }
    }

    public List<KnownMessage> all() {
        return entries.stream().map(Entry::message).toList();
    }
}
