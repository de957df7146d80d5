package io.wagate.session.transport.cobalt;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.session.transport.SendOutcome;
import io.wagate.session.transport.TransportEvent.MessageReceipt;
import io.wagate.session.transport.TransportEvent.Receipt;
import it.auties.whatsapp.model.node.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerNodesTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void aServerAckOfAMessageIsAnAcceptedSend() {
        var ack = Node.of(
                "ack",
                Map.of(
                        "class",
                        "message",
                        "id",
                        "3EB0ABCDEF",
                        "from",
                        "5511999999999@s.whatsapp.net",
                        "t",
                        1700000000));

        var answer = ServerNodes.ackOf(ack, NOW).orElseThrow();

        assertThat(answer.waMessageId()).isEqualTo("3EB0ABCDEF");
        assertThat(answer.outcome()).isEqualTo(new SendOutcome.Acked("3EB0ABCDEF", Instant.ofEpochSecond(1700000000)));
    }

    @Test
    void anAckWithAnErrorIsARefusal() {
        var ack = Node.of("ack", Map.of("class", "message", "id", "3EB0ABCDEF", "error", 479));

        var answer = ServerNodes.ackOf(ack, NOW).orElseThrow();

        assertThat(answer.outcome()).isInstanceOfSatisfying(SendOutcome.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo("server_rejected");
            assertThat(rejected.message()).contains("479");
        });
    }

    @Test
    void acksOfOtherThingsAnswerNoSend() {
        assertThat(ServerNodes.ackOf(Node.of("ack", Map.of("class", "receipt", "id", "X")), NOW))
                .isEmpty();
        assertThat(ServerNodes.ackOf(Node.of("receipt", Map.of("id", "X")), NOW))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"'',DELIVERED", "read,READ", "played,PLAYED"})
    void receiptsOfTheRecipientMoveAMessageForward(String type, Receipt expected) {
        var attributes = type.isEmpty()
                ? Map.<String, Object>of("id", "3EB0A", "from", "5511999999999@s.whatsapp.net", "t", 1700000001)
                : Map.<String, Object>of(
                        "id", "3EB0A", "from", "5511999999999@s.whatsapp.net", "type", type, "t", 1700000001);

        var receipts = ServerNodes.receiptsOf(Node.of("receipt", attributes), NOW);

        assertThat(receipts).containsExactly(new MessageReceipt("3EB0A", expected, Instant.ofEpochSecond(1700000001)));
    }

    @Test
    void oneReceiptCanCoverSeveralMessages() {
        var receipt = Node.of(
                "receipt",
                Map.of("id", "3EB0A", "type", "read"),
                Node.of("list", Node.of("item", Map.of("id", "3EB0B")), Node.of("item", Map.of("id", "3EB0C"))));

        var receipts = ServerNodes.receiptsOf(receipt, NOW);

        assertThat(receipts).extracting(MessageReceipt::waMessageId).containsExactly("3EB0A", "3EB0B", "3EB0C");
        assertThat(receipts).allSatisfy(r -> assertThat(r.receipt()).isEqualTo(Receipt.READ));
        assertThat(receipts).allSatisfy(r -> assertThat(r.at()).isEqualTo(NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"read-self", "played-self", "retry", "sender", "inactive", "server-error"})
    void receiptsThatSayNothingAboutTheRecipientAreNone(String type) {
        assertThat(ServerNodes.receiptsOf(Node.of("receipt", Map.of("id", "3EB0A", "type", type)), NOW))
                .isEmpty();
    }

    @Test
    void aPairingSocketGetsItsRefsInOrder() {
        var iq = Node.of(
                "iq",
                Map.of("type", "set"),
                Node.of(
                        "pair-device",
                        Node.of("ref", "2@first"),
                        Node.of("ref", "2@second"),
                        Node.of("ref", "2@third")));

        assertThat(ServerNodes.pairingRefsOf(iq)).containsExactly("2@first", "2@second", "2@third");
        assertThat(ServerNodes.pairingRefsOf(Node.of("iq", Node.of("pair-success"))))
                .isEmpty();
    }
}
