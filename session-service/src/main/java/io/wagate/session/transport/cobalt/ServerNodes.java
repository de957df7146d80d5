package io.wagate.session.transport.cobalt;

import io.wagate.session.transport.SendOutcome;
import io.wagate.session.transport.TransportEvent.MessageReceipt;
import io.wagate.session.transport.TransportEvent.Receipt;
import it.auties.whatsapp.model.node.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the protocol nodes whose meaning Cobalt 0.0.10 does not hand to its listeners: the server's
 * ack of a sent message (Cobalt only mutates the message it keeps in memory, and not at all after a
 * restart), receipts of messages sent before a restart, and every pairing ref of a QR login (Cobalt
 * shows the first one only).
 */
final class ServerNodes {

    private ServerNodes() {}

    /** The server's answer to a message this device sent, read from {@code <ack class="message" id=.. error=..>}. */
    static Optional<Answer> ackOf(Node node, Instant now) {
        if (!node.hasDescription("ack") || !node.attributes().hasValue("class", "message") || node.id() == null) {
            return Optional.empty();
        }
        OptionalInt error = node.attributes().getOptionalInt("error");
        SendOutcome outcome = error.isPresent() && error.getAsInt() != 0
                ? new SendOutcome.Rejected(
                        "server_rejected", "WhatsApp refused the message (error " + error.getAsInt() + ")")
                : new SendOutcome.Acked(node.id(), timestampOf(node, now));
        return Optional.of(new Answer(node.id(), outcome));
    }

    /** A server ack matched to the WhatsApp message id it answers. */
    record Answer(String waMessageId, SendOutcome outcome) {}

    /**
     * The receipts a recipient's phone sent for messages of this device: one per message id in
     * {@code <receipt id=.. type=..><list><item id=../></list></receipt>}. Receipts about this
     * account's own reading on its other devices ({@code read-self}), retries and the like are not
     * receipts of delivery and give none.
     */
    static List<MessageReceipt> receiptsOf(Node node, Instant now) {
        if (!node.hasDescription("receipt") || node.id() == null) {
            return List.of();
        }
        Optional<Receipt> receipt = receiptType(node.attributes().getNullableString("type"));
        if (receipt.isEmpty()) {
            return List.of();
        }
        Instant at = timestampOf(node, now);
        List<MessageReceipt> receipts = new ArrayList<>();
        receipts.add(new MessageReceipt(node.id(), receipt.get(), at));
        node.findChild("list").stream()
                .flatMap(list -> list.listChildren("item").stream())
                .map(item -> item.attributes().getNullableString("id"))
                .filter(id -> id != null && !id.equals(node.id()))
                .forEach(id -> receipts.add(new MessageReceipt(id, receipt.get(), at)));
        return List.copyOf(receipts);
    }

    static Optional<Receipt> receiptType(String type) {
        if (type == null || type.isEmpty()) {
            return Optional.of(Receipt.DELIVERED);
        }
        return switch (type) {
            case "read" -> Optional.of(Receipt.READ);
            case "played" -> Optional.of(Receipt.PLAYED);
            default -> Optional.empty();
        };
    }

    /** The pairing refs of {@code <iq><pair-device><ref>..</ref>...</pair-device></iq>}, in the order to show them. */
    static List<String> pairingRefsOf(Node node) {
        if (!node.hasDescription("iq")) {
            return List.of();
        }
        return node.findChild("pair-device").stream()
                .flatMap(pairing -> pairing.listChildren("ref").stream())
                .map(Node::contentAsString)
                .flatMap(Optional::stream)
                .toList();
    }

    private static Instant timestampOf(Node node, Instant now) {
        var seconds = node.attributes().getOptionalLong("t");
        return seconds.isPresent() ? Instant.ofEpochSecond(seconds.getAsLong()) : now;
    }
}
