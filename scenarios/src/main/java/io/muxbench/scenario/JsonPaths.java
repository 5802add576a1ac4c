package io.muxbench.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * JSON paths as error messages write them ({@code $.root.children[3].size}), and the line where the
 * value at one starts: what the scenario loader and the HAR importer both need to point at a mistake.
 *
 * <pre>{@code
 * int line = JsonPaths.lineOf(new JsonFactory(), text, "$.log.entries");   // 0 when not found
 * }</pre>
 */
public final class JsonPaths {

    private JsonPaths() {
    }

    /**
     * The line where the value at {@code wanted} starts, found by a streaming pass with {@code factory}
     * (and its limits); 0 if not found or the text cannot be read that far.
     */
    public static int lineOf(JsonFactory factory, String json, String wanted) {
        try (JsonParser p = factory.createParser(json)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if ((token == JsonToken.FIELD_NAME || token.isScalarValue() || token.isStructStart()) && wanted.equals(pathAt(p))) {
                    return p.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException ignored) {
            // A location is a courtesy; the message stands without it.
        }
        return 0;
    }

    /** The path of the parser's current token. */
    public static String pathAt(JsonParser parser) {
        StringBuilder sb = new StringBuilder("$");
        for (String part : parser.getParsingContext().pathAsPointer().toString().split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                sb.append('.').append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return sb.toString();
    }
}
