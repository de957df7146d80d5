package io.wagate.session.transport.simulator;

import io.wagate.session.transport.Jid;

/**
 * What the simulated WhatsApp does with a message, chosen by the recipient (the documented test
 * numbers, see docs/simulator.md). The last four digits of a user or hidden-number (lid) recipient
 * decide; groups and channels always exist and read everything.
 */
public enum RecipientBehaviour {
    /**
     * {@code ...0000}, and a Brazilian {@code ...0005} written with the ninth digit: no WhatsApp
     * account; the send fails with {@code not_on_whatsapp}.
     */
    NOT_ON_WHATSAPP,
    /** {@code ...0001}: delivered, never read. */
    DELIVERED_NEVER_READ,
    /** {@code ...0002}: the phone is offline: server ack only, never delivered. */
    SERVER_ACK_ONLY,
    /** {@code ...0003}: the server refuses the message; the send fails with {@code server_rejected}. */
    SERVER_REJECTS,
    /** {@code ...0004}: reads everything, then its phone replies (see {@link SimulatedPhone}). */
    REPLIES,
    /** Anyone else: sent, delivered, read. */
    READS;

    public static RecipientBehaviour of(Jid recipient) {
        return switch (recipient.server()) {
            case GROUP, NEWSLETTER -> READS;
            case USER, LID -> byLastDigits(recipient.user());
        };
    }

    private static RecipientBehaviour byLastDigits(String user) {
        if (user.endsWith("0000") || onlyWithoutNinthDigit(user)) {
            return NOT_ON_WHATSAPP;
        } else if (user.endsWith("0001")) {
            return DELIVERED_NEVER_READ;
        } else if (user.endsWith("0002")) {
            return SERVER_ACK_ONLY;
        } else if (user.endsWith("0003")) {
            return SERVER_REJECTS;
        } else if (user.endsWith("0004")) {
            return REPLIES;
        }
        return READS;
    }

    /**
     * A Brazilian mobile number ending in {@code 0005} written with the ninth digit (55, area code, 9,
     * eight digits): its account lives under the old eight-digit form only, like many real ones.
     */
    static boolean onlyWithoutNinthDigit(String user) {
        return user.length() == 13 && user.startsWith("55") && user.charAt(4) == '9' && user.endsWith("0005");
    }

    boolean delivered() {
        return this == READS || this == REPLIES || this == DELIVERED_NEVER_READ;
    }

    boolean read() {
        return this == READS || this == REPLIES;
    }
}
