package io.wagate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

    private static final String ULID = "[0-9A-HJKMNP-TV-Z]{26}";

    @Test
    void eachKindOfIdCarriesItsPrefixAndAUlidBody() {
        assertThat(Ids.organization()).matches("org_" + ULID);
        assertThat(Ids.apiKey()).matches("key_" + ULID);
        assertThat(Ids.session()).matches("sess_" + ULID);
        assertThat(Ids.message()).matches("msg_" + ULID);
        assertThat(Ids.command()).matches("cmd_" + ULID);
    }

    @Test
    void idsMadeLaterSortAfterIdsMadeEarlierAndNeverRepeat() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.message());
        }

        assertThat(ids).isSorted();
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
    }
}
