package io.wagate.session.transport;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connection whose answers the test decides: which numbers WhatsApp knows and which groups exist.
 * It records the lookups it was asked; sends and the rest are not its business.
 */
public final class ScriptedConnection implements WhatsAppConnection {

    private final Set<String> knownNumbers = ConcurrentHashMap.newKeySet();
    private final Map<Jid, GroupMetadata> groups = new ConcurrentHashMap<>();
    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private volatile boolean broken;

    public ScriptedConnection knows(String... numbers) {
        knownNumbers.addAll(List.of(numbers));
        return this;
    }

    public ScriptedConnection hasGroup(GroupMetadata group) {
        groups.put(group.jid(), group);
        return this;
    }

    /** From now on questions fail as on a socket that broke. */
    public void breakDown() {
        broken = true;
    }

    public List<String> lookups() {
        return List.copyOf(lookups);
    }

    @Override
    public CompletionStage<SendOutcome> send(OutboundMessage message) {
        throw new UnsupportedOperationException("send");
    }

    @Override
    public CompletionStage<Void> presence(Jid chat, ChatPresence presence) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<Jid>> lookup(String phoneNumber) {
        lookups.add(phoneNumber);
        if (broken) {
            return CompletableFuture.failedFuture(new IllegalStateException("socket closed"));
        }
        return CompletableFuture.completedFuture(
                knownNumbers.contains(phoneNumber)
                        ? Optional.of(new Jid(phoneNumber, Jid.Server.USER))
                        : Optional.empty());
    }

    @Override
    public CompletionStage<GroupMetadata> joinGroup(String inviteCode) {
        return CompletableFuture.failedFuture(new WhatsAppRefusalException("invalid_invite", "no invites here"));
    }

    @Override
    public CompletionStage<GroupMetadata> groupMetadata(Jid group) {
        GroupMetadata metadata = groups.get(group);
        return metadata == null
                ? CompletableFuture.failedFuture(new WhatsAppRefusalException("group_not_found", "no " + group))
                : CompletableFuture.completedFuture(metadata);
    }

    @Override
    public CompletionStage<Void> logout() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {}
}
