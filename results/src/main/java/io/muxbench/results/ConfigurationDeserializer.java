package io.muxbench.results;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.muxbench.vocabulary.RunConfiguration;
import java.io.IOException;

/**
 * Reads run.json's {@code configuration} with a missing number or flag as 0 or false. A field a
 * writer left out (an older muxbench, or a hand-made run folder) then costs that one field, where
 * the mapper's strict rule for the rest of the format would make the whole run.json unreadable.
 * A field of the wrong type is still an error.
 */
final class ConfigurationDeserializer extends StdDeserializer<RunConfiguration> {

    // Built on first use, after ResultsFormat.MAPPER exists.
    private static final ObjectReader LENIENT = ResultsFormat.MAPPER.readerFor(RunConfiguration.class)
            .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    ConfigurationDeserializer() {
        super(RunConfiguration.class);
    }

    @Override
    public RunConfiguration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode tree = parser.readValueAsTree();
        return LENIENT.readValue(tree);
    }
}
