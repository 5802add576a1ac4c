package io.muxbench.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates scenarios. Every mistake becomes a {@link ScenarioException} naming the file,
 * the JSON path and line, and the problem; unknown fields are mistakes too.
 *
 * <pre>{@code
 * Scenario page = ScenarioLoader.resolve("blog");              // bundled
 * Scenario mine = ScenarioLoader.resolve("pages/shop.json");   // a file
 * }</pre>
 *
 * HAR captures are the importer's ({@code io.muxbench.scenario.har}); {@code ScenarioSources} picks
 * between the two, so that neither knows the other.
 */
public final class ScenarioLoader {

    /** The scenarios shipped in this jar, in the order the default suite runs them. */
    public static final List<String> BUNDLED = List.of("image-grid", "blog", "hol-blocking", "big-assets", "fonts-and-styles", "news",
            "news-hosts");

    /** Deepest JSON nesting read: a scenario {@link Resource#MAX_DEPTH} levels deep needs about twice that. */
    private static final int MAX_NESTING = 2 * Resource.MAX_DEPTH + 8;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                    .build())
            // A number or a boolean where a string is expected is a mistake, not "5".
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ScenarioLoader() {
    }

    /** A bundled scenario by name or a scenario file by path (a HAR file is {@code ScenarioSources}'). */
    public static Scenario resolve(String nameOrPath) throws ScenarioException {
        if (BUNDLED.contains(nameOrPath)) {
            return bundled(nameOrPath);
        }
        Path path = Path.of(nameOrPath);
        if (!Files.exists(path) && !nameOrPath.contains("/") && !nameOrPath.endsWith(".json")) {
            throw new ScenarioException(nameOrPath, "", 0,
                    "no such scenario: not a bundled one (" + String.join(", ", BUNDLED) + ") nor a file");
        }
        return load(path);
    }

    /** A scenario shipped in this jar. */
    public static Scenario bundled(String name) throws ScenarioException {
        String resource = "/scenarios/" + name + ".json";
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScenarioException(name, "", 0, "no bundled scenario of that name; bundled: " + String.join(", ", BUNDLED));
            }
            return parse(name + ".json (bundled)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scenario file. */
    public static Scenario load(Path file) throws ScenarioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ScenarioException.unreadable(file, e);
        }
        return parse(file.toString(), text);
    }

    /** Parses scenario JSON (a leading UTF-8 byte order mark is skipped); {@code source} names it in error messages. */
    public static Scenario parse(String source, String json) throws ScenarioException {
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1);
        }
        if (json.isBlank()) {
            throw new ScenarioException(source, "", 0, "empty file");
        }
        checkDepth(source, json);
        Scenario scenario;
        try {
            scenario = MAPPER.readValue(json, Scenario.class);
        } catch (JsonProcessingException e) {
            throw translate(source, json, e);
        }
        if (scenario == null) {
            throw new ScenarioException(source, "$", 1, "expected an object here, got null");
        }
        checkUniquePaths(source, json, scenario);
        return scenario;
    }

    /**
     * Refuses a tree deeper than {@link Resource#MAX_DEPTH} in one streaming pass, before the records
     * are built: one short line instead of an error met deep inside the tree.
     */
    private static void checkDepth(String source, String json) throws ScenarioException {
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            Deque<Boolean> isChildren = new ArrayDeque<>();
            int levels = 1; // of the resources the innermost open children array holds
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT && !isChildren.isEmpty() && isChildren.peek() && levels > Resource.MAX_DEPTH) {
                    throw new ScenarioException(source, JsonPaths.pathAt(p),
                            p.currentTokenLocation().getLineNr(), "the resource tree is deeper than "
                            + Resource.MAX_DEPTH + " levels, the most a scenario may have");
                }
                if (token.isStructStart()) {
                    boolean children = token == JsonToken.START_ARRAY && "children".equals(p.currentName());
                    isChildren.push(children);
                    levels += children ? 1 : 0;
                } else if (token.isStructEnd() && !isChildren.isEmpty() && isChildren.pop()) {
                    levels--;
                }
            }
        } catch (IOException e) {
            // Reading the whole document reports this mistake with its place.
        }
    }

    /** Writes a scenario in the canonical form (the one {@link #parse} reads back to an equal scenario). */
    public static String toJson(Scenario scenario) {
        try {
            return MAPPER.writeValueAsString(scenario) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkUniquePaths(String source, String json, Scenario scenario) throws ScenarioException {
        Map<String, String> seen = new HashMap<>();
        Deque<Map.Entry<Resource, String>> pending = new ArrayDeque<>();
        pending.push(Map.entry(scenario.root(), "$.root"));
        while (!pending.isEmpty()) {
            Resource r = pending.peek().getKey();
            String at = pending.pop().getValue();
            String first = seen.putIfAbsent((r.host() == null ? "" : r.host()) + " " + r.path(), at);
            if (first != null) {
                throw new ScenarioException(source, at + ".path", lineOf(json, at + ".path"),
                        "duplicate path " + Messages.quote(r.path()) + " (first at " + ScenarioException.shortPath(first) + ")");
            }
            for (int i = r.children().size() - 1; i >= 0; i--) {
                pending.push(Map.entry(r.children().get(i), at + ".children[" + i + "]"));
            }
        }
    }

    private static ScenarioException translate(String source, String json, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        // Databind wraps syntax errors met inside a record in a JsonMappingException that carries the path.
        String syntaxPath = e instanceof JsonMappingException wrapped ? jsonPath(wrapped.getPath()) : "";
        Throwable syntax = e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException cause ? cause : e;
        if (syntax instanceof JsonEOFException || String.valueOf(syntax.getMessage()).contains("end-of-input")) {
            return new ScenarioException(source, syntaxPath, line, "unexpected end of file (truncated JSON?)");
        }
        if (syntax instanceof JsonParseException parse) {
            return new ScenarioException(source, syntaxPath, line, "malformed JSON: " + Messages.fromJackson(parse.getOriginalMessage()));
        }
        if (syntax instanceof StreamConstraintsException limit) {
            return new ScenarioException(source, syntaxPath, line, Messages.fromJackson(limit.getOriginalMessage()));
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new ScenarioException(source, "", line, Messages.fromJackson(e.getOriginalMessage()));
        }
        String path = jsonPath(mapping.getPath());
        if (e instanceof ValueInstantiationException) {
            // A constructor's message starts with the field it rejects: point at that field.
            String field = String.valueOf(e.getCause() == null ? "" : e.getCause().getMessage()).split(" ", 2)[0];
            if (field.matches("[a-zA-Z]+") && lineOf(json, path + "." + field) > 0) {
                path = path + "." + field;
            }
        }
        int pathLine = lineOf(json, path);
        if (pathLine > 0) {
            line = pathLine;
        }
        String problem;
        if (e instanceof UnrecognizedPropertyException unknown) {
            problem = "unknown field \"" + unknown.getPropertyName() + "\"; known fields: "
                    + String.join(", ", unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList());
        } else if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            while (cause != null && cause.getCause() != null && cause.getMessage() == null) {
                cause = cause.getCause();
            }
            // The records' own checks say what is wrong in words; anything else would speak Java.
            problem = cause instanceof IllegalArgumentException || (cause instanceof NullPointerException npe
                    && String.valueOf(npe.getMessage()).endsWith(" is required"))
                    ? cause.getMessage() : Messages.fromJackson(e.getOriginalMessage());
        } else if (e instanceof InvalidFormatException bad) {
            problem = "expected " + simpleType(bad.getTargetType()) + ", got " + describe(bad.getValue());
        } else if (syntax instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
            problem = "number out of range: " + Messages.fromJackson(e.getOriginalMessage());
        } else if (e instanceof MismatchedInputException mismatch) {
            String message = mismatch.getOriginalMessage();
            if (message.startsWith("Trailing token")) {
                problem = "unexpected content after the scenario object (a file holds one object)";
                path = "$";
            } else if (message.startsWith("Missing required creator property")) {
                int q1 = message.indexOf('\''), q2 = message.indexOf('\'', q1 + 1);
                problem = "required field " + (q2 > q1 ? "\"" + message.substring(q1 + 1, q2) + "\" " : "") + "is missing";
            } else if (message.contains("Null value for creator property")) {
                problem = "required field is null";
            } else if (mismatch.getTargetType() != null) {
                problem = "expected " + simpleType(mismatch.getTargetType()) + " here";
            } else {
                problem = Messages.fromJackson(message);
            }
        } else {
            problem = Messages.fromJackson(e.getOriginalMessage());
        }
        return new ScenarioException(source, path, line, problem);
    }

    private static String describe(Object value) {
        return value instanceof String s ? Messages.quote(s) : String.valueOf(value);
    }

    private static String simpleType(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of string values";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return type.getSimpleName();
    }

    private static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static int lineOf(String json, String wanted) {
        return JsonPaths.lineOf(MAPPER.getFactory(), json, wanted);
    }
}
