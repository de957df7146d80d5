package io.wagate.session.transport.cobalt;

import io.wagate.session.transport.Jid;
import it.auties.whatsapp.model.jid.JidServer;
import java.util.Optional;

/**
 * Our {@link Jid} and Cobalt's. Cobalt also addresses devices ({@code user:device@server}), broadcast
 * lists and WhatsApp's own servers; we speak of accounts only, so the device is dropped and the
 * addresses we have no word for are left out.
 */
final class CobaltJids {

    private CobaltJids() {}

    static it.auties.whatsapp.model.jid.Jid toCobalt(Jid jid) {
        JidServer server =
                switch (jid.server()) {
                    // Cobalt's user() is the legacy c.us; the wire speaks s.whatsapp.net.
                    case USER -> JidServer.whatsapp();
                    case GROUP -> JidServer.groupOrCommunity();
                    case LID -> JidServer.lid();
                    case NEWSLETTER -> JidServer.newsletter();
                };
        return it.auties.whatsapp.model.jid.Jid.of(jid.user(), server, 0, 0);
    }

    static Optional<Jid> fromCobalt(it.auties.whatsapp.model.jid.Jid jid) {
        if (jid == null || jid.user() == null) {
            return Optional.empty();
        }
        // By address: Cobalt 0.0.10 types some parsed servers UNKNOWN (its equality is by address too).
        Jid.Server server =
                switch (jid.server().address()) {
                    case "s.whatsapp.net", "c.us" -> Jid.Server.USER;
                    case "g.us" -> Jid.Server.GROUP;
                    case "lid" -> Jid.Server.LID;
                    case "newsletter" -> Jid.Server.NEWSLETTER;
                    default -> null;
                };
        if (server == null) {
            return Optional.empty();
        }
        return Jid.parse(jid.user() + "@" + server.domain());
    }
}
