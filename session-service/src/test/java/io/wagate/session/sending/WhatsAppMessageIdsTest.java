package io.wagate.session.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WhatsAppMessageIdsTest {

    @Test
    void theSameMessageIdAlwaysGivesTheSameWhatsAppId() {
        // Given
        String messageId = "msg_01JABCDEFGHJKMNPQRSTVWXYZ0";

        // When
        String first = WhatsAppMessageIds.derive(messageId);
        String second = WhatsAppMessageIds.derive(messageId);

        // Then
        assertThat(first).isEqualTo(second);
    }

    @Test
    void theIdIs3EB0FollowedBySixteenUpperCaseHexDigitsOfTheSha256() {
        // When: SHA-256("msg_1") starts 116b88f173007be5 (computed independently, with Python's hashlib)
        String waId = WhatsAppMessageIds.derive("msg_1");

        // Then
        assertThat(waId).isEqualTo("3EB0116B88F173007BE5");
    }

    @Test
    void distinctMessagesGetDistinctIds() {
        // Given
        Set<String> ids = new HashSet<>();

        // When
        for (int i = 0; i < 10_000; i++) {
            ids.add(WhatsAppMessageIds.derive("msg_" + i));
        }

        // Then
        assertThat(ids).hasSize(10_000);
    }
}
