package io.wagate.api.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.api.support.Events;
import io.wagate.schemas.v1.MessageStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RepliesTest {

    private final Replies replies = new Replies();

    @Test
    void aWaiterIsWokenByTheEventAboutItsMessageOnly() {
        // Given
        Replies.Waiter waiter = replies.register(new ReplyKey.Message("msg_A"));

        // When
        replies.dispatch(Events.sent("sess_1", "org_1", "msg_B", "3EB0B"));
        boolean beforeItsOwn = waiter.answer().isDone();
        replies.dispatch(Events.sent("sess_1", "org_1", "msg_A", "3EB0A"));

        // Then
        assertThat(beforeItsOwn).isFalse();
        assertThat(waiter.await(Duration.ofSeconds(1)))
                .hasValueSatisfying(event -> assertThat(event.getSessionId()).isEqualTo("sess_1"));
    }

    @Test
    void aLaterReceiptAnswersASendWhoseSentEventWasMissed() {
        Replies.Waiter waiter = replies.register(new ReplyKey.Message("msg_A"));

        replies.dispatch(Events.messageStatus(
                "sess_1", "org_1", "msg_A", MessageStatus.DELIVERED, "3EB0A", null, Instant.now()));

        assertThat(waiter.answer()).isDone();
    }

    @Test
    void aCommandIsAnsweredByItsGroupInfoOrItsFailureAndAPairingCodeBySession() {
        Replies.Waiter join = replies.register(new ReplyKey.Command("cmd_1"));
        Replies.Waiter info = replies.register(new ReplyKey.Command("cmd_2"));
        Replies.Waiter pairing = replies.register(new ReplyKey.Command("cmd_3"), new ReplyKey.PairingCode("sess_9"));

        replies.dispatch(Events.groupInfo("sess_1", "org_1", "cmd_1", "1203@g.us", "Orders"));
        replies.dispatch(Events.commandFailed("sess_1", "org_1", "cmd_2", "group_not_found", "no"));
        replies.dispatch(Events.pairingCode("sess_9", "org_1", "ABCD1234", "5511988887777", Instant.now()));

        assertThat(join.answer()).isDone();
        assertThat(info.answer()).isDone();
        assertThat(pairing.answer()).isDone();
    }

    @Test
    void nothingCameWithinTheTimeoutIsEmptyAndClosingForgetsTheWaiter() {
        Replies.Waiter waiter = replies.register(new ReplyKey.Message("msg_A"), new ReplyKey.Command("cmd_A"));

        assertThat(waiter.await(Duration.ofMillis(50))).isEmpty();
        waiter.close();

        assertThat(replies.waiting()).isZero();
    }
}
