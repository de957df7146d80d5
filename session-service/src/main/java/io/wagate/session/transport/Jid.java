package io.wagate.session.transport;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A WhatsApp address a message can go to: a user ({@code <digits>@s.whatsapp.net}), a group
 * ({@code @g.us}), a hidden-number user ({@code @lid}) or a channel ({@code @newsletter}).
 */
public record Jid(String user, Server server) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
    // Groups created before 2022 are addressed as <creator>-<timestamp>.
    private static final Pattern GROUP_USER = Pattern.compile("[0-9]{1,20}(-[0-9]{1,20})?");

    /** Only well-formed addresses exist, so an adapter never sees a malformed one. */
    public Jid {
        if (user == null || server == null || !shapeOf(server).matcher(user).matches()) {
            throw new IllegalArgumentException("not a WhatsApp address: " + user + "@" + server);
        }
    }

    public enum Server {
        USER("s.whatsapp.net"),
        GROUP("g.us"),
        LID("lid"),
        NEWSLETTER("newsletter");

        private final String domain;

        Server(String domain) {
            this.domain = domain;
        }

        public String domain() {
            return domain;
        }
    }

    /**
     * Reads a recipient as the contract allows it: a JID, a legacy {@code @c.us} user JID, or a bare
     * international number without {@code +} (both meaning {@code @s.whatsapp.net}).
     */
    public static Optional<Jid> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int at = text.indexOf('@');
        if (at < 0) {
            return DIGITS.matcher(text).matches() ? Optional.of(new Jid(text, Server.USER)) : Optional.empty();
        }
        String user = text.substring(0, at);
        String domain = text.substring(at + 1);
        Server server =
                switch (domain) {
                    case "s.whatsapp.net", "c.us" -> Server.USER;
                    case "g.us" -> Server.GROUP;
                    case "lid" -> Server.LID;
                    case "newsletter" -> Server.NEWSLETTER;
                    default -> null;
                };
        if (server == null) {
            return Optional.empty();
        }
        return shapeOf(server).matcher(user).matches() ? Optional.of(new Jid(user, server)) : Optional.empty();
    }

    private static Pattern shapeOf(Server server) {
        return server == Server.GROUP ? GROUP_USER : DIGITS;
    }

    @Override
    public String toString() {
        return user + "@" + server.domain();
    }
}
