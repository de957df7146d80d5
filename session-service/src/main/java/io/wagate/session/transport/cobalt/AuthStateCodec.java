package io.wagate.session.transport.cobalt;

import io.micronaut.core.annotation.Nullable;
import it.auties.whatsapp.controller.Keys;
import it.auties.whatsapp.controller.KeysSpec;
import it.auties.whatsapp.controller.Store;
import it.auties.whatsapp.controller.StoreBuilder;
import it.auties.whatsapp.controller.StoreKeysPair;
import it.auties.whatsapp.controller.StoreSpec;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.jid.JidServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The opaque auth state session-service stores for a Cobalt session: Cobalt's own protobuf encoding
 * of its {@link Keys} (noise, identity and Signal keys, pre-keys, sessions, app-state keys) and of
 * the part of its {@link Store} that logging in needs (who this device is), framed and gzipped.
 *
 * <p>The store's chats, contacts, statuses and calls are left out: they are WhatsApp's data, not
 * credentials, and would grow without bound. Nothing is written to disk.
 *
 * <p>Cobalt 0.0.10 cannot decode a JID with a device part ({@code 5511...:4@s.whatsapp.net}) from
 * inside a protobuf buffer: it cuts the server short or throws. So this device's own JIDs and its
 * linked devices travel beside Cobalt's encoding as plain text, and the keys' record of which group
 * devices already hold our sender key (field {@value #GROUP_SENDER_KEY_RECIPIENTS}, device JIDs
 * only) is not kept: after a resume Cobalt sends its sender key to a group's devices once more.
 */
final class AuthStateCodec {

    private static final String FORMAT = "wagate-cobalt-auth-state";
    private static final int VERSION = 1;
    /** {@code Keys.groupsPreKeys}: per group, the devices that already got our sender key. */
    static final int GROUP_SENDER_KEY_RECIPIENTS = 22;

    private static final int MAX_SECTION = 64 * 1024 * 1024;
    private static final int MAX_LINKED_DEVICES = 1024;

    private AuthStateCodec() {}

    static byte[] encode(Keys keys, Store store) {
        byte[] keyBytes = ProtobufFields.without(KeysSpec.encode(keys), GROUP_SENDER_KEY_RECIPIENTS);
        byte[] storeBytes = StoreSpec.encode(identityOf(store));
        var bytes = new ByteArrayOutputStream(keyBytes.length / 2 + storeBytes.length / 2 + 64);
        try (var out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeUTF(FORMAT);
            out.writeInt(VERSION);
            out.writeInt(keyBytes.length);
            out.write(keyBytes);
            out.writeInt(storeBytes.length);
            out.write(storeBytes);
            writeJid(out, store.jid().orElse(null));
            writeJid(out, store.lid().orElse(null));
            Map<Jid, Integer> linked = store.linkedDevicesKeys();
            out.writeInt(linked.size());
            for (Map.Entry<Jid, Integer> device : linked.entrySet()) {
                writeJid(out, device.getKey());
                out.writeInt(device.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The keys and store the bytes describe.
     *
     * @throws UnreadableAuthStateException when the bytes are not an auth state this adapter wrote
     */
    static StoreKeysPair decode(byte[] authState) {
        try (var in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(authState)))) {
            if (!FORMAT.equals(in.readUTF())) {
                throw new UnreadableAuthStateException("not a Cobalt auth state");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new UnreadableAuthStateException("unknown Cobalt auth state version " + version);
            }
            Keys keys = KeysSpec.decode(section(in));
            Store store = StoreSpec.decode(section(in));
            if (keys == null || store == null || !Objects.equals(keys.uuid(), store.uuid())) {
                throw new UnreadableAuthStateException("keys and store do not belong together");
            }
            store.setJid(readJid(in));
            store.setLid(readJid(in));
            int linked = in.readInt();
            if (linked < 0 || linked > MAX_LINKED_DEVICES) {
                throw new UnreadableAuthStateException("implausible linked device count " + linked);
            }
            var devices = new LinkedHashMap<Jid, Integer>();
            for (int i = 0; i < linked; i++) {
                devices.put(readJid(in), in.readInt());
            }
            store.setLinkedDevicesKeys(devices);
            return new StoreKeysPair(store, keys);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableAuthStateException unreadable) {
                throw unreadable;
            }
            throw new UnreadableAuthStateException(
                    "unreadable Cobalt auth state: " + e.getClass().getSimpleName());
        }
    }

    private static void writeJid(DataOutputStream out, @Nullable Jid jid) throws IOException {
        out.writeBoolean(jid != null);
        if (jid != null) {
            out.writeUTF(jid.user() == null ? "" : jid.user());
            out.writeUTF(jid.server().address());
            out.writeInt(jid.device());
            out.writeInt(jid.agent());
        }
    }

    private static @Nullable Jid readJid(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String user = in.readUTF();
        // Parts, not text: Cobalt's string parser mistypes some servers.
        return Jid.of(user.isEmpty() ? null : user, JidServer.of(in.readUTF()), in.readInt(), in.readInt());
    }

    private static byte[] section(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_SECTION) {
            throw new UnreadableAuthStateException("implausible section length " + length);
        }
        return in.readNBytes(length);
    }

    /** The store reduced to what identifies this linked device and how it logs in, less its JIDs. */
    static Store identityOf(Store store) {
        return new StoreBuilder()
                .uuid(store.uuid())
                .phoneNumber(store.phoneNumber().orElse(null))
                .clientType(store.clientType())
                .alias(store.alias())
                .name(store.name())
                .verifiedName(store.verifiedName().orElse(null))
                .locale(store.locale().orElse(null))
                .deviceHash(store.deviceHash().orElse(null))
                // Messages older than this are history, not news: it must survive a reconnect.
                .initializationTimeStamp(store.initializationTimeStamp())
                .historyLength(store.webHistorySetting())
                .releaseChannel(store.releaseChannel())
                .device(store.device())
                .textPreviewSetting(store.textPreviewSetting())
                .automaticPresenceUpdates(store.automaticPresenceUpdates())
                .automaticMessageReceipts(store.automaticMessageReceipts())
                .checkPatchMacs(store.checkPatchMacs())
                .mediaProxySetting(store.mediaProxySetting())
                .build();
    }

    /** Which linked device a state belongs to: its identity key, which a new pairing replaces. */
    static String deviceOf(Keys keys) {
        return Base64.getEncoder().encodeToString(keys.identityKeyPair().publicKey());
    }

    /** The account's phone number, digits only, as far as the store knows it. */
    static String phoneOf(Store store) {
        return store.jid()
                .map(Jid::user)
                .or(() -> store.phoneNumber().map(number -> Long.toString(number.number())))
                .orElse("");
    }

    /** Bytes that are not (or no longer) a readable Cobalt auth state. */
    static final class UnreadableAuthStateException extends RuntimeException {

        UnreadableAuthStateException(String message) {
            super(message);
        }
    }
}
