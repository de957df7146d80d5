package io.wagate.session.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MessageKeySettingsTest {

    @Test
    void theIndexKeepsMessagesThirtyDaysAndCleansUpHourlyByDefault() {
        var settings = new MessageKeySettings(null, null);

        assertThat(settings.keyRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.keyCleanupInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aRetentionShorterThanWhatsAppsDeleteWindowIsRefused() {
        assertThatThrownBy(() -> new MessageKeySettings(Duration.ofHours(47), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key-retention must be at least 48h");
        assertThat(new MessageKeySettings(Duration.ofHours(48), null).keyRetention())
                .isEqualTo(Duration.ofHours(48));
    }

    @Test
    void aCleanupIntervalMustBePositive() {
        assertThatThrownBy(() -> new MessageKeySettings(null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key-cleanup-interval");
    }
}
