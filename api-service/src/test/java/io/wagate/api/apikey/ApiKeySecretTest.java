package io.wagate.api.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void aGeneratedKeyIsWagAndFortyThreeBase64UrlCharacters() {
        // When
        String key = ApiKeySecret.generate().key();

        // Then
        assertThat(key).matches("wag_[A-Za-z0-9_-]{43}");
    }

    @Test
    void everyGeneratedKeyIsDifferent() {
        // Given
        Set<String> keys = new HashSet<>();

        // When
        for (int i = 0; i < 1000; i++) {
            keys.add(ApiKeySecret.generate().key());
        }

        // Then
        assertThat(keys).hasSize(1000);
    }

    @Test
    void aKeyIsStoredAsTheSha256HexOfTheWholeKey() {
        // Given
        var secret = new ApiKeySecret("abc");

        // When / Then: the SHA-256 test vector of "abc"
        assertThat(secret.hash()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theDisplayPrefixIsTheFirstTwelveCharactersAndNeverTheWholeKey() {
        // Given
        var secret = ApiKeySecret.generate();

        // When
        String prefix = secret.prefix();

        // Then
        assertThat(prefix).hasSize(12).startsWith("wag_");
        assertThat(secret.key()).startsWith(prefix);
        assertThat(secret.toString()).doesNotContain(secret.key());
    }
}
