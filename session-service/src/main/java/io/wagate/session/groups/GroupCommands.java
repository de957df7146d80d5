package io.wagate.session.groups;

import io.wagate.session.SessionRef;
import io.wagate.session.events.EventPublisher;
import io.wagate.session.events.SessionEvent;
import io.wagate.session.runtime.OrganizationMismatchException;
import io.wagate.session.runtime.SessionNotConnectedException;
import io.wagate.session.runtime.SessionRegistry;
import io.wagate.session.runtime.SessionRunner;
import io.wagate.session.runtime.SessionSettings;
import io.wagate.session.store.SessionRepository;
import io.wagate.session.transport.GroupMetadata;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.WhatsAppConnection;
import io.wagate.session.transport.WhatsAppRefusalException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out JoinGroup and GetGroupInfo on the session's live connection and answers each with a
 * {@code group.info} event, or {@code command.failed} (invalid_invite, group_not_found, not_connected,
 * whatsapp_unavailable) carrying the command id. Returns once the answer is on the events topic.
 */
@Singleton
public class GroupCommands {

    static final String INVALID_INVITE = "invalid_invite";
    static final String GROUP_NOT_FOUND = "group_not_found";
    static final String NOT_CONNECTED = "not_connected";
    static final String WHATSAPP_UNAVAILABLE = "whatsapp_unavailable";

    /** How long WhatsApp may take to answer. */
    static final Duration WHATSAPP_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommands.class);
    // The code of a chat.whatsapp.com link, or the code alone.
    private static final Pattern INVITE =
            Pattern.compile("(?:https?://)?(?:chat\\.whatsapp\\.com/(?:invite/)?)?([A-Za-z0-9]{10,40})/?");

    private final SessionRegistry registry;
    private final SessionRepository sessions;
    private final EventPublisher events;
    private final SessionSettings settings;

    GroupCommands(
            SessionRegistry registry, SessionRepository sessions, EventPublisher events, SessionSettings settings) {
        this.registry = registry;
        this.sessions = sessions;
        this.events = events;
        this.settings = settings;
    }

    public void join(String commandId, SessionRef session, String invite) {
        Matcher code = INVITE.matcher(invite == null ? "" : invite.strip());
        if (!code.matches()) {
            fail(commandId, session, INVALID_INVITE, "'" + invite + "' is not a WhatsApp invite code or link");
            return;
        }
        answer(commandId, session, connection -> connection.joinGroup(code.group(1)));
    }

    public void describe(String commandId, SessionRef session, String groupJid) {
        Optional<Jid> group = Jid.parse(groupJid).filter(jid -> jid.server() == Jid.Server.GROUP);
        if (group.isEmpty()) {
            fail(commandId, session, GROUP_NOT_FOUND, "'" + groupJid + "' is not a group JID (…@g.us)");
            return;
        }
        answer(commandId, session, connection -> connection.groupMetadata(group.get()));
    }

    private void answer(
            String commandId, SessionRef session, Function<WhatsAppConnection, CompletionStage<GroupMetadata>> ask) {
        Optional<WhatsAppConnection> connection = connectionOf(session);
        if (connection.isEmpty()) {
            fail(commandId, session, NOT_CONNECTED, "the session is not connected to WhatsApp");
            return;
        }
        GroupMetadata group;
        try {
            group = ask.apply(connection.get())
                    .toCompletableFuture()
                    .get(WHATSAPP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WhatsAppRefusalException refusal) {
                fail(commandId, session, refusal.code(), refusal.getMessage());
            } else if (e.getCause() instanceof SessionNotConnectedException) {
                fail(commandId, session, NOT_CONNECTED, "the session disconnected before WhatsApp answered");
            } else {
                LOG.warn(
                        "{}: {} failed: {}",
                        session.sessionId(),
                        commandId,
                        e.getCause().toString());
                fail(commandId, session, WHATSAPP_UNAVAILABLE, "WhatsApp did not answer: " + e.getCause());
            }
            return;
        } catch (TimeoutException e) {
            fail(commandId, session, WHATSAPP_UNAVAILABLE, "WhatsApp did not answer within " + WHATSAPP_TIMEOUT);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for WhatsApp", e);
        }
        events.publish(session, infoOf(commandId, group));
    }

    /**
     * The live connection of the session, waiting a while for one that is (re)connecting.
     *
     * @throws OrganizationMismatchException when the session belongs to another organization
     */
    private Optional<WhatsAppConnection> connectionOf(SessionRef session) {
        Optional<SessionRunner> runner = registry.find(session.sessionId());
        boolean othersSession = runner.isPresent()
                ? !runner.get().session().equals(session)
                : sessions.findById(session.sessionId())
                        .filter(row -> !row.organizationId().equals(session.organizationId()))
                        .isPresent();
        if (othersSession) {
            throw new OrganizationMismatchException(session.sessionId());
        }
        if (runner.isEmpty() || !runner.get().awaitConnected(settings.sendConnectTimeout())) {
            return Optional.empty();
        }
        try {
            return Optional.of(runner.get().liveConnection());
        } catch (SessionNotConnectedException e) {
            return Optional.empty();
        }
    }

    private void fail(String commandId, SessionRef session, String code, String message) {
        LOG.info("{}: {} failed: {}", session.sessionId(), commandId, code);
        events.publish(session, new SessionEvent.CommandFailed(commandId, code, message));
    }

    static SessionEvent.GroupInfo infoOf(String commandId, GroupMetadata group) {
        return new SessionEvent.GroupInfo(
                commandId,
                group.jid().toString(),
                group.subject(),
                group.description(),
                group.owner() == null ? null : group.owner().toString(),
                group.createdAt(),
                group.participants().stream()
                        .map(member -> new SessionEvent.GroupInfo.Participant(
                                member.jid().toString(),
                                SessionEvent.GroupInfo.Role.valueOf(
                                        member.role().name())))
                        .toList());
    }
}
