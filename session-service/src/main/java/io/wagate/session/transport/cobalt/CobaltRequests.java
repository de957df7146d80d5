package io.wagate.session.transport.cobalt;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.ChatPresence;
import io.wagate.session.transport.GroupMetadata;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MediaFile;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.SendOutcome;
import io.wagate.session.transport.WhatsAppRefusalException;
import it.auties.whatsapp.model.contact.ContactStatus;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ChatMessageInfoBuilder;
import it.auties.whatsapp.model.jid.JidServer;
import it.auties.whatsapp.model.message.model.ChatMessageKeyBuilder;
import it.auties.whatsapp.model.message.model.MessageContainer;
import it.auties.whatsapp.model.message.model.MessageStatus;
import it.auties.whatsapp.model.node.Node;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends and requests over a logged-in Cobalt socket. A send's outcome is the server's ack of its
 * WhatsApp id (see {@link ServerNodes#ackOf}), not Cobalt's future, which also completes when the
 * socket goes; every request fails rather than waits when the socket is not logged in.
 */
final class CobaltRequests {

    private final Supplier<CobaltClient> live;
    private final CobaltSettings settings;
    private final Clock clock;
    private final OutboundMapper outbound;
    private final Map<String, CompletableFuture<SendOutcome>> awaitingAck = new ConcurrentHashMap<>();

    /** @param live the logged-in socket; throws {@link IllegalStateException} when there is none */
    CobaltRequests(Supplier<CobaltClient> live, CobaltSettings settings, Clock clock) {
        this.live = live;
        this.settings = settings;
        this.clock = clock;
        this.outbound = new OutboundMapper(clock);
    }

    CompletionStage<SendOutcome> send(OutboundMessage message) {
        CobaltClient socket;
        OutboundMapper.Composed composed;
        try {
            socket = live.get();
            if (message.to().server() == Jid.Server.NEWSLETTER) {
                return CompletableFuture.completedFuture(new SendOutcome.Rejected(
                        "unsupported_recipient", "the Cobalt adapter does not send to channels"));
            }
            composed = outbound.compose(message, selfOf(socket));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new SendOutcome.Rejected("invalid_message", e.getMessage()));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        String id = message.waMessageId();
        var fresh = new CompletableFuture<SendOutcome>();
        CompletableFuture<SendOutcome> outcome = awaitingAck.putIfAbsent(id, fresh);
        if (outcome != null) {
            return outcome.copy(); // the same id is already on its way: WhatsApp keeps one message
        }
        fresh.orTimeout(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((answer, failure) -> awaitingAck.remove(id, fresh));
        var to = CobaltJids.toCobalt(message.to());
        CompletableFuture<Boolean> exists = message.to().server() == Jid.Server.USER
                ? socket.hasWhatsapp(to)
                : CompletableFuture.completedFuture(true);
        exists.thenCompose(onWhatsApp -> {
                    if (!Boolean.TRUE.equals(onWhatsApp)) {
                        fresh.complete(
                                new SendOutcome.Rejected("not_on_whatsapp", message.to() + " is not on WhatsApp"));
                        return CompletableFuture.completedFuture(null);
                    }
                    ChatMessageInfo info = infoOf(id, to, selfOf(socket), composed.container());
                    return socket.send(info, composed.stanzaAttributes()).thenRun(() -> {
                        if (info.status() == MessageStatus.ERROR) {
                            fresh.completeExceptionally(
                                    new IllegalStateException("Cobalt could not encrypt or hand over message " + id));
                        }
                    });
                })
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        fresh.completeExceptionally(causeOf(failure));
                    }
                });
        return fresh.copy();
    }

    /** The server answered the send of a WhatsApp id. */
    void answered(ServerNodes.Answer answer) {
        CompletableFuture<SendOutcome> outcome = awaitingAck.get(answer.waMessageId());
        if (outcome != null) {
            outcome.complete(answer.outcome());
        }
    }

    /** The socket went: whatever was not answered has an unknown outcome. */
    void failAll(String why) {
        awaitingAck.values().forEach(outcome -> outcome.completeExceptionally(new IllegalStateException(why)));
    }

    CompletionStage<Void> presence(Jid chat, ChatPresence presence) {
        return request(socket -> {
            var to = CobaltJids.toCobalt(chat);
            return switch (presence) {
                case COMPOSING -> socket.changePresence(to, ContactStatus.COMPOSING);
                case RECORDING -> socket.changePresence(to, ContactStatus.RECORDING);
                // Cobalt's AVAILABLE changes the global presence; "stopped typing" is a chat state.
                case PAUSED -> socket.sendWithoutAnswer(Node.of("chatstate", Map.of("to", to), Node.of("paused")));
            };
        });
    }

    CompletionStage<Optional<Jid>> lookup(String phoneNumber) {
        if (phoneNumber == null || !phoneNumber.matches("[0-9]{1,20}")) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("a phone number is digits in international form, was " + phoneNumber));
        }
        return request(socket -> socket.hasWhatsapp(
                        it.auties.whatsapp.model.jid.Jid.of(phoneNumber, JidServer.whatsapp(), 0, 0))
                .thenApply(onWhatsApp ->
                        Boolean.TRUE.equals(onWhatsApp) ? Jid.parse(phoneNumber) : Optional.<Jid>empty()));
    }

    CompletionStage<GroupMetadata> joinGroup(String inviteCode) {
        // Accept the code or the whole https://chat.whatsapp.com/<code> link.
        String code = inviteCode.substring(inviteCode.lastIndexOf('/') + 1);
        return request(socket -> socket.acceptGroupInvite(code).thenCompose(chat -> {
            if (chat.isEmpty()) {
                throw new WhatsAppRefusalException("invalid_invite", "WhatsApp refused the invite code");
            }
            return socket.queryGroupMetadata(chat.get().jid()).thenApply(GroupMapper::map);
        }));
    }

    CompletionStage<GroupMetadata> groupMetadata(Jid group) {
        if (group.server() != Jid.Server.GROUP) {
            return CompletableFuture.failedFuture(
                    new WhatsAppRefusalException("group_not_found", group + " is not a group"));
        }
        return request(socket -> socket.queryGroupMetadata(CobaltJids.toCobalt(group))
                .thenApply(GroupMapper::map)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        // Cobalt answers an error reply with "Erroneous response"; a lost socket is not a refusal.
                        causeOf(failure) instanceof NoSuchElementException && socket.isConnected()
                                ? new WhatsAppRefusalException("group_not_found", "WhatsApp knows no group " + group)
                                : causeOf(failure))));
    }

    /** The bytes of an inbound media message, downloaded and decrypted when first opened. */
    MediaFile.Source mediaOf(@Nullable CobaltClient socket, ChatMessageInfo info) {
        return () -> {
            if (socket == null) {
                throw new IOException("no WhatsApp socket to download the media with");
            }
            try {
                byte[] bytes =
                        socket.downloadMedia(info).get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return new ByteArrayInputStream(bytes);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("WhatsApp media download failed", causeOf(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("media download interrupted");
            }
        };
    }

    private <T> CompletionStage<T> request(Function<CobaltClient, CompletableFuture<T>> call) {
        try {
            return call.apply(live.get())
                    .orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionallyCompose(failure -> CompletableFuture.failedFuture(causeOf(failure)));
        } catch (CompletionException e) {
            return CompletableFuture.failedFuture(causeOf(e));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private ChatMessageInfo infoOf(
            String id,
            it.auties.whatsapp.model.jid.Jid to,
            it.auties.whatsapp.model.jid.@Nullable Jid self,
            MessageContainer container) {
        var key = new ChatMessageKeyBuilder()
                .id(id)
                .chatJid(to)
                .fromMe(true)
                .senderJid(self)
                .build();
        return new ChatMessageInfoBuilder()
                .status(MessageStatus.PENDING)
                .senderJid(self)
                .key(key)
                .message(container)
                .timestampSeconds(clock.instant().getEpochSecond())
                .broadcast(false)
                .build();
    }

    private static it.auties.whatsapp.model.jid.@Nullable Jid selfOf(CobaltClient socket) {
        return socket.store()
                .jid()
                .map(it.auties.whatsapp.model.jid.Jid::toSimpleJid)
                .orElse(null);
    }

    /** The failure itself, out of the completion and execution wrappers futures put around it. */
    static Throwable causeOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
