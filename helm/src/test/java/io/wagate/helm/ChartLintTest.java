package io.wagate.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChartLintTest {

    @Test
    void helmLintStrictFindsNothingToComplainAbout() {
        // When
        var result = Chart.lintStrict();

        // Then
        assertThat(result.isFailed())
                .as("helm lint --strict: %s", result.getMessages())
                .isFalse();
    }

    @Test
    void aMistypedValueIsRejectedByTheValuesSchema() {
        // Given a key the chart does not know, as an operator might misspell it
        String values = """
                kafka:
                  bootstrapServer: broker:9092
                """;

        // When / Then
        assertThatThrownBy(() -> Chart.render(values)).hasMessageContaining("bootstrapServer");
    }
}
