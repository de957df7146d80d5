package io.wagate.session.transport.cobalt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.auties.whatsapp.api.ClientType;
import it.auties.whatsapp.controller.Keys;
import it.auties.whatsapp.controller.Store;
import it.auties.whatsapp.model.contact.ContactBuilder;
import it.auties.whatsapp.model.jid.JidServer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class AuthStateCodecTest {

    private static final it.auties.whatsapp.model.jid.Jid DEVICE =
            it.auties.whatsapp.model.jid.Jid.of("5511988887777", JidServer.whatsapp(), 4, 0);

    @Test
    void theKeysAndTheDevicesIdentityRoundTrip() {
        // Given a linked device's state
        UUID uuid = UUID.randomUUID();
        Keys keys = Keys.of(uuid, null, null, ClientType.WEB);
        Store store = Store.of(uuid, null, null, ClientType.WEB);
        store.setJid(DEVICE);
        store.setName("wagate");
        keys.setRegistered(true);

        // When
        byte[] bytes = AuthStateCodec.encode(keys, store);
        var decoded = AuthStateCodec.decode(bytes);

        // Then
        assertThat(decoded.keys().uuid()).isEqualTo(uuid);
        assertThat(decoded.keys().registered()).isTrue();
        assertThat(decoded.keys().noiseKeyPair().privateKey())
                .isEqualTo(keys.noiseKeyPair().privateKey());
        assertThat(decoded.keys().identityKeyPair().publicKey())
                .isEqualTo(keys.identityKeyPair().publicKey());
        assertThat(decoded.keys().companionKeyPair().publicKey())
                .isEqualTo(keys.companionKeyPair().publicKey());
        assertThat(decoded.keys().registrationId()).isEqualTo(keys.registrationId());
        assertThat(decoded.store().uuid()).isEqualTo(uuid);
        assertThat(decoded.store().jid()).contains(DEVICE);
        assertThat(decoded.store().name()).isEqualTo("wagate");
        assertThat(decoded.store().initializationTimeStamp()).isEqualTo(store.initializationTimeStamp());
        assertThat(decoded.store().clientType()).isEqualTo(ClientType.WEB);
        // ... and encoding again gives the same bytes: nothing was lost on the way.
        assertThat(AuthStateCodec.encode(decoded.keys(), decoded.store())).isEqualTo(bytes);
    }

    @Test
    void deviceJidsSurviveAlthoughCobaltCannotDecodeThemFromItsOwnEncoding() {
        UUID uuid = UUID.randomUUID();
        Keys keys = Keys.of(uuid, null, null, ClientType.WEB);
        Store store = Store.of(uuid, null, null, ClientType.WEB);
        var lid = it.auties.whatsapp.model.jid.Jid.of("123456789012345", JidServer.lid(), 4, 0);
        var phone = it.auties.whatsapp.model.jid.Jid.of("5511988887777", JidServer.whatsapp(), 0, 0);
        store.setJid(DEVICE);
        store.setLid(lid);
        store.addLinkedDevice(DEVICE, 7);
        var group = it.auties.whatsapp.model.jid.Jid.of("120363025246125888@g.us");
        keys.addRecipientsWithPreKeys(
                group,
                java.util.List.of(it.auties.whatsapp.model.jid.Jid.of("5511999990001", JidServer.whatsapp(), 2, 0)));

        var decoded = AuthStateCodec.decode(AuthStateCodec.encode(keys, store));

        assertThat(decoded.store().jid()).hasValueSatisfying(jid -> {
            assertThat(jid.toString()).isEqualTo("5511988887777:4@s.whatsapp.net");
            assertThat(jid.hasServer(JidServer.whatsapp())).isTrue();
            assertThat(jid.toSimpleJid()).isEqualTo(phone);
        });
        assertThat(decoded.store().lid()).contains(lid);
        assertThat(decoded.store().linkedDevicesKeys()).containsEntry(DEVICE, 7);
        // Which group devices hold our sender key is not kept: Cobalt sends it to them again.
        assertThat(decoded.keys()
                        .hasGroupKeys(
                                group,
                                it.auties.whatsapp.model.jid.Jid.of("5511999990001", JidServer.whatsapp(), 2, 0)))
                .isFalse();
        assertThat(keys.hasGroupKeys(
                        group, it.auties.whatsapp.model.jid.Jid.of("5511999990001", JidServer.whatsapp(), 2, 0)))
                .isTrue();
    }

    @Test
    void whatsAppsDataIsNotPartOfTheCredentials() {
        UUID uuid = UUID.randomUUID();
        Store store = Store.of(uuid, null, null, ClientType.WEB);
        store.addContact(new ContactBuilder()
                .jid(it.auties.whatsapp.model.jid.Jid.of("5511999990001@s.whatsapp.net"))
                .chosenName("Ana")
                .build());

        var decoded = AuthStateCodec.decode(AuthStateCodec.encode(Keys.of(uuid, null, null, ClientType.WEB), store));

        assertThat(store.contacts()).hasSize(1);
        assertThat(decoded.store().contacts()).isEmpty();
    }

    @Test
    void bytesThisAdapterDidNotWriteAreUnreadable() throws IOException {
        byte[] simulatorCredentials =
                "wagate-simulator-credentials/1\nphone_number=1555\n".getBytes(StandardCharsets.UTF_8);
        byte[] otherFormat = gzip("someone-else", 1);
        byte[] futureVersion = gzip("wagate-cobalt-auth-state", 2);

        for (byte[] bytes : new byte[][] {simulatorCredentials, otherFormat, futureVersion, new byte[0]}) {
            assertThatThrownBy(() -> AuthStateCodec.decode(bytes))
                    .isInstanceOf(AuthStateCodec.UnreadableAuthStateException.class);
        }
    }

    @Test
    void truncatedOrAlteredStateIsUnreadable() {
        UUID uuid = UUID.randomUUID();
        byte[] bytes = AuthStateCodec.encode(
                Keys.of(uuid, null, null, ClientType.WEB), Store.of(uuid, null, null, ClientType.WEB));

        assertThatThrownBy(() -> AuthStateCodec.decode(Arrays.copyOf(bytes, bytes.length / 2)))
                .isInstanceOf(AuthStateCodec.UnreadableAuthStateException.class);
    }

    @Test
    void keysAndStoreOfDifferentDevicesDoNotMakeOneState() {
        byte[] mixed = AuthStateCodec.encode(
                Keys.of(UUID.randomUUID(), null, null, ClientType.WEB),
                Store.of(UUID.randomUUID(), null, null, ClientType.WEB));

        assertThatThrownBy(() -> AuthStateCodec.decode(mixed))
                .isInstanceOf(AuthStateCodec.UnreadableAuthStateException.class)
                .hasMessageContaining("belong together");
    }

    private static byte[] gzip(String format, int version) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeUTF(format);
            out.writeInt(version);
            out.writeInt(0);
            out.writeInt(0);
        }
        return bytes.toByteArray();
    }
}
