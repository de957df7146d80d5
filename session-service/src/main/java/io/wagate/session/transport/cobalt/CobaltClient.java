package io.wagate.session.transport.cobalt;

import io.micronaut.core.annotation.Nullable;
import it.auties.whatsapp.api.ErrorHandler;
import it.auties.whatsapp.api.TextPreviewSetting;
import it.auties.whatsapp.api.WebHistorySetting;
import it.auties.whatsapp.api.WebVerificationHandler;
import it.auties.whatsapp.api.Whatsapp;
import it.auties.whatsapp.controller.ControllerSerializer;
import it.auties.whatsapp.controller.Keys;
import it.auties.whatsapp.controller.Store;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.mobile.PhoneNumber;
import it.auties.whatsapp.model.node.Node;
import it.auties.whatsapp.model.request.MessageRequest;
import it.auties.whatsapp.socket.SocketHandler;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One Cobalt socket. Built directly rather than through {@code Whatsapp.webBuilder()}: the builder
 * hands back a cached instance (with the previous connection's listeners) when the same credentials
 * are opened again, and its default serializer writes to disk.
 *
 * <p>Two things the public API of Cobalt 0.0.10 lacks are reached through its socket handler: a
 * message sent under a caller-chosen id with stanza attributes (an edit or revoke needs
 * {@code edit=..}), and a node sent without waiting for an answer (a {@code paused} chat state).
 */
final class CobaltClient extends Whatsapp {

    private static final Field SOCKET_HANDLER = socketHandlerField();

    private final SocketHandler socket;

    /**
     * A socket for {@code store} and {@code keys}, set up the way a gateway needs: persistence kept in
     * memory, the configured device name and proxy, no chat history, no presence of its own.
     *
     * @param pairingPhone the number a pairing by code links, else null
     */
    static CobaltClient create(
            Store store,
            Keys keys,
            ControllerSerializer serializer,
            CobaltSettings settings,
            @Nullable PhoneNumber pairingPhone,
            ErrorHandler errors,
            @Nullable WebVerificationHandler verification) {
        store.setSerializer(serializer);
        keys.setSerializer(serializer);
        store.setName(settings.deviceName());
        store.setProxy(settings.proxy());
        // Link previews come from media-service; Cobalt would fetch URLs from the gateway host itself.
        store.setTextPreviewSetting(TextPreviewSetting.DISABLED);
        // A gateway needs no chat history, and "online" would mute the phone's notifications.
        store.setWebHistorySetting(WebHistorySetting.discard(false));
        store.setAutomaticPresenceUpdates(false);
        if (pairingPhone != null) {
            // Pairing by code: the phone number, not a JID yet, so the login still registers a device.
            store.setPhoneNumber(pairingPhone);
        }
        return new CobaltClient(store, keys, errors, verification);
    }

    private CobaltClient(Store store, Keys keys, ErrorHandler errors, @Nullable WebVerificationHandler verification) {
        super(store, keys, errors, verification);
        try {
            this.socket = (SocketHandler) SOCKET_HANDLER.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cobalt's socket handler is out of reach", e);
        }
    }

    /** Encrypts and sends {@code info} as it is (its id included); completes once WhatsApp answered or the socket went. */
    CompletableFuture<Void> send(ChatMessageInfo info, Map<String, ?> stanzaAttributes) {
        return socket.sendMessage(new MessageRequest.Chat(
                info, null, false, false, stanzaAttributes.isEmpty() ? null : stanzaAttributes));
    }

    CompletableFuture<Void> sendWithoutAnswer(Node node) {
        return socket.sendNodeWithNoResponse(node);
    }

    private static Field socketHandlerField() {
        try {
            Field field = Whatsapp.class.getDeclaredField("socketHandler");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("not the Cobalt version this adapter was written for: " + e);
        }
    }
}
