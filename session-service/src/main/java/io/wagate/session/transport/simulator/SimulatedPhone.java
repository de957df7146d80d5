package io.wagate.session.transport.simulator;

import io.wagate.session.transport.InboundMessage;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MediaKind;
import io.wagate.session.transport.MessageKey;
import io.wagate.session.transport.OutboundMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The phone of the replying test number (…0004): it answers what it reads, so inbound messages can
 * be driven end to end. A text it understands (docs/simulator.md) makes it send that kind of
 * message; a poll gets its vote; anything else is echoed back, quoting what it answers.
 */
final class SimulatedPhone {

    static final String PUSH_NAME = "Simulated phone";
    static final String SAMPLE_VCARD =
            "BEGIN:VCARD\nVERSION:3.0\nFN:Simulated Contact\nTEL;type=CELL;waid=5511900000004:+55 11 90000-0004\nEND:VCARD";

    private final Jid phone;
    private final Jid session;
    private final SimulatedMessage read;
    private final List<InboundMessage> replies = new ArrayList<>();

    /**
     * @param read the message the phone read
     * @param sessionPhoneNumber the number of the session that sent it
     */
    private SimulatedPhone(SimulatedMessage read, String sessionPhoneNumber) {
        this.phone = Jid.parse(read.to()).orElseThrow();
        this.session = new Jid(sessionPhoneNumber, Jid.Server.USER);
        this.read = read;
    }

    /** What the phone sends back after reading {@code read}, in order; nothing for a reaction, edit or deletion. */
    static List<InboundMessage> repliesTo(SimulatedMessage read) {
        var phone = new SimulatedPhone(read, read.fromPhoneNumber());
        phone.answer();
        return List.copyOf(phone.replies);
    }

    private void answer() {
        switch (read.content()) {
            case OutboundMessage.Text text -> answerText(text.body());
            case OutboundMessage.Poll poll ->
                send(new InboundMessage.PollVote(
                        read.waMessageId(), poll.options().subList(0, poll.selectableCount())));
            case OutboundMessage.Reaction ignored -> {}
            case OutboundMessage.Edit ignored -> {}
            case OutboundMessage.Revoke ignored -> {}
            default -> echo("echo: your " + read.kind().replace('_', ' '));
        }
    }

    private void answerText(String body) {
        switch (body.strip().toLowerCase(Locale.ROOT)) {
            case "send me a text" -> send(new InboundMessage.Text("A text from the simulated phone"));
            case "send me an image" ->
                send(media(
                        MediaKind.IMAGE,
                        "image/png",
                        SimulatedSamples.png(),
                        "An image from the simulated phone",
                        null));
            case "send me a video" ->
                send(media(
                        MediaKind.VIDEO,
                        "video/mp4",
                        SimulatedSamples.mp4(),
                        "A video from the simulated phone",
                        null));
            case "send me an audio" -> send(media(MediaKind.AUDIO, "audio/mpeg", SimulatedSamples.mp3(), null, null));
            case "send me a voice note" ->
                send(media(MediaKind.VOICE_NOTE, "audio/ogg; codecs=opus", SimulatedSamples.oggOpus(), null, null));
            case "send me a document" ->
                send(media(
                        MediaKind.DOCUMENT,
                        "application/pdf",
                        SimulatedSamples.pdf(),
                        "A document from the simulated phone",
                        "simulated.pdf"));
            case "send me a sticker" ->
                send(media(MediaKind.STICKER, "image/webp", SimulatedSamples.webp(), null, null));
            case "send me a location" ->
                send(new InboundMessage.Location(-23.5505, -46.6333, "Praça da Sé", "São Paulo, Brazil"));
            case "send me a contact" -> send(new InboundMessage.Contacts(List.of(SAMPLE_VCARD)));
            case "send me a poll" ->
                send(new InboundMessage.Poll("Which day suits you?", List.of("Monday", "Tuesday", "Wednesday"), 1));
            case "react to this" -> send(new InboundMessage.Reaction(read.waMessageId(), "👍"));
            case "send me an edit" -> {
                String original = send(new InboundMessage.Text("A text the simulated phone will edit"));
                send(new InboundMessage.Edit(original, "A text the simulated phone edited"));
            }
            case "send me a revoke" -> {
                String original = send(new InboundMessage.Text("A text the simulated phone will delete"));
                send(new InboundMessage.Revoke(original));
            }
            case "send me a group message" -> sendInTestGroup("Hello from the test group, @" + session.user());
            default -> echo("echo: " + body);
        }
    }

    /** Sends in the private chat; returns the new message's WhatsApp id. */
    private String send(InboundMessage.Content content) {
        String id = nextId();
        replies.add(new InboundMessage(
                new MessageKey(phone, id, false, null), phone, PUSH_NAME, Instant.now(), List.of(), null, content));
        return id;
    }

    private void echo(String text) {
        String id = nextId();
        var quoted = new InboundMessage.Quoted(
                read.waMessageId(), session, read.text().isEmpty() ? null : read.text());
        replies.add(new InboundMessage(
                new MessageKey(phone, id, false, null),
                phone,
                PUSH_NAME,
                Instant.now(),
                List.of(),
                quoted,
                new InboundMessage.Text(text)));
    }

    private void sendInTestGroup(String text) {
        replies.add(new InboundMessage(
                new MessageKey(SimulatedGroups.TEST_GROUP, nextId(), false, phone),
                phone,
                PUSH_NAME,
                Instant.now(),
                List.of(session),
                null,
                new InboundMessage.Text(text)));
    }

    private static InboundMessage.Media media(
            MediaKind kind, String mimetype, byte[] bytes, String caption, String filename) {
        return new InboundMessage.Media(
                kind, mimetype, bytes.length, () -> new ByteArrayInputStream(bytes), caption, filename);
    }

    /** Ids like a phone's (3A + hex), derived from the message answered: a rerun gives the same ids. */
    private String nextId() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((read.waMessageId() + "#" + replies.size()).getBytes(StandardCharsets.UTF_8));
            return "3A" + HexFormat.of().formatHex(hash, 0, 9).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
