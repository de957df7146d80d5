package io.wagate.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.SessionCommand;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's guard against a backward-incompatible contract change: the schemas compiled into this
 * module must read every record any released version could have written.
 */
class SchemaCompatibilityTest {

    static Stream<Schema> currentSchemas() {
        return Stream.of(SessionCommand.getClassSchema(), SendMessage.getClassSchema(), Event.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void currentSchemaReadsEveryReleasedVersion(Schema current) {
        var released = ReleasedSchemas.versionsOf(current.getName());
        assertThat(released).as("released versions of %s", current.getName()).isNotEmpty();

        for (Schema writer : released) {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current, writer);
            assertThat(result.getType())
                    .as("%s cannot read data written by a released version: %s", current.getName(), result.getResult())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void removingARequiredFieldIsCaughtAsIncompatible(Schema current) {
        Schema withExtraRequiredField = new Schema.Parser()
                .parse(current.toString()
                        .replaceFirst(
                                "\"fields\":\\[",
                                "\"fields\":[{\"name\":\"added_without_default\",\"type\":\"string\"},"));

        var result = SchemaCompatibility.checkReaderWriterCompatibility(withExtraRequiredField, current);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }
}
