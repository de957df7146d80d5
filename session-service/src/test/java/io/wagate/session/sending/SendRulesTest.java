package io.wagate.session.sending;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.session.transport.Jid;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendRulesTest {

    @Test
    void aReactionIsOneEmojiHoweverManyCodePointsItTakes() {
        for (String emoji : List.of("👍", "❤️", "❤", "👍🏽", "🇧🇷", "👨‍👩‍👧", "1️⃣", "🙂")) {
            assertThat(SendRules.isOneEmoji(emoji)).as(emoji).isTrue();
        }
    }

    @Test
    void lettersDigitsAndSeveralEmojiAreNotAReaction() {
        for (String text : List.of("a", "1", "ok", "👍👍", " 👍", "#", "")) {
            assertThat(SendRules.isOneEmoji(text)).as("'%s'", text).isFalse();
        }
    }

    @Test
    void mentionsAreNumbersOrUserJids() {
        assertThat(SendRules.mentions(List.of("15550001111", "5511988887777@c.us", "123@lid")))
                .contains(List.of(
                        new Jid("15550001111", Jid.Server.USER),
                        new Jid("5511988887777", Jid.Server.USER),
                        new Jid("123", Jid.Server.LID)));
        assertThat(SendRules.mentions(List.of("15550001111", "120363000000000001@g.us")))
                .isEmpty();
        assertThat(SendRules.mentions(List.of("+15550001111"))).isEmpty();
    }

    @Test
    void aFirstUrlIsFoundWithoutTheSentencesPunctuation() {
        assertThat(MediaPreparation.firstUrl("see https://wagate.io/docs?a=1. Bye"))
                .contains("https://wagate.io/docs?a=1");
        assertThat(MediaPreparation.firstUrl("(http://example.com/x)")).contains("http://example.com/x");
        assertThat(MediaPreparation.firstUrl("ftp://example.com and example.com"))
                .isEmpty();
    }
}
