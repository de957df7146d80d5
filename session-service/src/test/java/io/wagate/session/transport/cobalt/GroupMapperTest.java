package io.wagate.session.transport.cobalt;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.session.transport.GroupMetadata;
import io.wagate.session.transport.Jid;
import it.auties.whatsapp.model.chat.ChatMetadataBuilder;
import it.auties.whatsapp.model.chat.ChatParticipant;
import it.auties.whatsapp.model.chat.ChatRole;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupMapperTest {

    private static it.auties.whatsapp.model.jid.Jid cobalt(String jid) {
        return it.auties.whatsapp.model.jid.Jid.of(jid);
    }

    @Test
    void aGroupKeepsItsSubjectDescriptionFounderAndMembersWithTheirRoles() {
        var participants = new LinkedHashSet<ChatParticipant>(List.of(
                ChatParticipant.ofGroup(cobalt("5511999990001@s.whatsapp.net"), ChatRole.FOUNDER),
                ChatParticipant.ofGroup(cobalt("5511999990002@s.whatsapp.net"), ChatRole.ADMIN),
                ChatParticipant.ofGroup(cobalt("123456789012345@lid"), ChatRole.USER)));
        var metadata = new ChatMetadataBuilder()
                .jid(cobalt("120363025246125888@g.us"))
                .subject("Family")
                .description("Sunday lunch")
                .founderJid(cobalt("5511999990001@s.whatsapp.net"))
                .foundationTimestampSeconds(1_600_000_000L)
                .participants(participants)
                .build();

        GroupMetadata group = GroupMapper.map(metadata);

        assertThat(group.jid()).isEqualTo(new Jid("120363025246125888", Jid.Server.GROUP));
        assertThat(group.subject()).isEqualTo("Family");
        assertThat(group.description()).isEqualTo("Sunday lunch");
        assertThat(group.owner()).isEqualTo(new Jid("5511999990001", Jid.Server.USER));
        assertThat(group.createdAt()).isEqualTo(Instant.ofEpochSecond(1_600_000_000L));
        assertThat(group.participants())
                .containsExactly(
                        new GroupMetadata.Participant(
                                new Jid("5511999990001", Jid.Server.USER), GroupMetadata.Role.SUPERADMIN),
                        new GroupMetadata.Participant(
                                new Jid("5511999990002", Jid.Server.USER), GroupMetadata.Role.ADMIN),
                        new GroupMetadata.Participant(
                                new Jid("123456789012345", Jid.Server.LID), GroupMetadata.Role.MEMBER));
    }

    @Test
    void whatWhatsAppLeavesOutStaysEmpty() {
        var metadata = new ChatMetadataBuilder()
                .jid(cobalt("120363025246125888@g.us"))
                .subject("Quiet")
                .participants(new LinkedHashSet<>())
                .build();

        GroupMetadata group = GroupMapper.map(metadata);

        assertThat(group.description()).isNull();
        assertThat(group.owner()).isNull();
        assertThat(group.createdAt()).isNull();
        assertThat(group.participants()).isEmpty();
    }
}
