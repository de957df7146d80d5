package io.wagate.session.transport.cobalt;

import it.auties.whatsapp.api.ClientType;
import it.auties.whatsapp.controller.Controller;
import it.auties.whatsapp.controller.ControllerSerializer;
import it.auties.whatsapp.controller.Keys;
import it.auties.whatsapp.controller.Store;
import it.auties.whatsapp.model.mobile.PhoneNumber;
import java.util.LinkedList;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Cobalt's persistence hook for one connection, kept off the disk: Cobalt calls it when its state
 * may have changed (after login, every ping interval, on dispose) and when WhatsApp ends the link;
 * the connection turns those calls into auth-state checkpoints and endings. Cobalt's default
 * serializer would write every session to {@code ~/.cobalt}.
 */
final class MemoryControllerSerializer implements ControllerSerializer {

    /** What the connection wants to hear from Cobalt's persistence calls. */
    interface Checkpoints {

        /** Cobalt would persist now: its keys or store may have changed. */
        void changed();

        /** Cobalt would delete the session: WhatsApp logged the device out or banned it. */
        void deleted();
    }

    private final Checkpoints checkpoints;

    MemoryControllerSerializer(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public LinkedList<UUID> listIds(ClientType type) {
        return new LinkedList<>();
    }

    @Override
    public LinkedList<PhoneNumber> listPhoneNumbers(ClientType type) {
        return new LinkedList<>();
    }

    @Override
    public CompletableFuture<Void> serializeKeys(Keys keys, boolean async) {
        checkpoints.changed();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> serializeStore(Store store, boolean async) {
        checkpoints.changed();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Optional<Keys> deserializeKeys(ClientType type, UUID id) {
        return Optional.empty();
    }

    @Override
    public Optional<Keys> deserializeKeys(ClientType type, PhoneNumber phoneNumber) {
        return Optional.empty();
    }

    @Override
    public Optional<Keys> deserializeKeys(ClientType type, String alias) {
        return Optional.empty();
    }

    @Override
    public Optional<Store> deserializeStore(ClientType type, UUID id) {
        return Optional.empty();
    }

    @Override
    public Optional<Store> deserializeStore(ClientType type, PhoneNumber phoneNumber) {
        return Optional.empty();
    }

    @Override
    public Optional<Store> deserializeStore(ClientType type, String alias) {
        return Optional.empty();
    }

    @Override
    public void deleteSession(Controller<?> controller) {
        checkpoints.deleted();
    }
}
