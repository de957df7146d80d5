package io.wagate.session.transport.cobalt;

import io.wagate.session.transport.TransportEvent.Ending;
import it.auties.whatsapp.model.node.Node;
import java.util.Optional;

/**
 * Why WhatsApp is closing the socket, read from the node that says so. Classified here, once:
 * Cobalt 0.0.10 reports every disconnect to its listeners as {@code DISCONNECTED}, and its own
 * reading of the codes differs from the protocol's (it calls 403 a ban and a replaced stream a
 * reason to reconnect, which would fight the other client).
 *
 * <p>Codes as WhatsApp Web uses them: a {@code <failure reason=..>} refuses a login (401 unlinked,
 * 402 temporary ban, 403 main device gone, 406 banned, 405 client outdated, 5xx unavailable); a
 * {@code <stream:error>} ends a live stream (515 restart required after pairing, a {@code conflict}
 * of type {@code replaced} or {@code device_removed}).
 */
sealed interface StreamVerdict {

    /** The socket goes, the credentials stay valid: reconnect. */
    record Transient(String reason) implements StreamVerdict {}

    /** The link is over: re-pairing is needed. */
    record Ended(Ending ending, String reason) implements StreamVerdict {}

    static Optional<StreamVerdict> of(Node node) {
        return switch (node.description()) {
            case "failure" -> Optional.of(ofLoginFailure(node.attributes().getInt("reason")));
            case "stream:error" -> Optional.of(ofStreamError(node));
            case "xmlstreamend" -> Optional.of(new Transient("stream_ended"));
            default -> Optional.empty();
        };
    }

    private static StreamVerdict ofLoginFailure(int reason) {
        return switch (reason) {
            case 401 -> new Ended(Ending.LOGGED_OUT, "logged_out_from_phone");
            case 402 -> new Ended(Ending.BANNED, "temporarily_banned");
            case 403 -> new Ended(Ending.LOGGED_OUT, "main_device_gone");
            case 406 -> new Ended(Ending.BANNED, "banned");
            case 405 -> new Transient("client_outdated");
            case 409 -> new Transient("bad_user_agent");
            case 500, 503 -> new Transient("whatsapp_unavailable");
            default -> new Transient("login_refused_" + reason);
        };
    }

    private static StreamVerdict ofStreamError(Node node) {
        Optional<Node> conflict = node.findChild("conflict");
        if (conflict.isPresent()) {
            String type = conflict.get().attributes().getString("type", "");
            return switch (type) {
                case "device_removed" -> new Ended(Ending.LOGGED_OUT, "logged_out_from_phone");
                default -> new Ended(Ending.REPLACED, "replaced_by_another_client");
            };
        }
        int code = node.attributes().getOptionalInt("code").orElse(0);
        return switch (code) {
            // Any other 401 is left to the next login: it fails with <failure reason=401> if the link is gone.
            case 515 -> new Transient("restart_required");
            case 500, 503 -> new Transient("whatsapp_unavailable");
            default -> new Transient("stream_error" + (code == 0 ? "" : "_" + code));
        };
    }
}
