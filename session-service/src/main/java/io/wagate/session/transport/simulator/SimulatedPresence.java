package io.wagate.session.transport.simulator;

import io.wagate.session.transport.ChatPresence;
import java.time.Instant;

/** What a session showed a chat: typing, recording or stopped, and when. */
public record SimulatedPresence(String chat, ChatPresence presence, Instant at) {}
