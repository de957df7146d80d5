package io.wagate.schemas;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The schemas of every released contract version, kept as resources under
 * {@code io/wagate/schemas/released/v<N>/<Record>.avsc}. Records written by an older producer carry
 * one of these as their writer schema; the build checks the current schemas can read them all.
 */
public final class ReleasedSchemas {

    private static final String ROOT = "/io/wagate/schemas/released/v";

    private ReleasedSchemas() {}

    /** Every released version of the named top-level record, oldest first. */
    public static List<Schema> versionsOf(String recordName) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            if (ReleasedSchemas.class.getResource(ROOT + version + "/") == null) {
                return versions;
            }
            InputStream in = ReleasedSchemas.class.getResourceAsStream(ROOT + version + "/" + recordName + ".avsc");
            if (in != null) {
                versions.add(SingleObjectCodec.parse(in));
            }
        }
    }
}
