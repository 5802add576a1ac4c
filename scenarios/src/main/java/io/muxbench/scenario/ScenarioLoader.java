package io.muxbench.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.muxbench.scenario.har.HarImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * Scenario real = ScenarioLoader.resolve("captures/shop.har");  // a HAR, page 0, hosts on one origin
 * }</pre>
 */
public final class ScenarioLoader {

    /** The scenarios shipped in this jar, in the order the default suite runs them. */
    public static final List<String> BUNDLED = List.of("image-grid", "blog", "hol-blocking", "big-assets", "fonts-and-styles", "news");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
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

    /** A bundled scenario by name, a scenario file by path, or a HAR file (imported with the defaults). */
    public static Scenario resolve(String nameOrPath) throws ScenarioException {
        return resolve(nameOrPath, HarImporter.Options.defaults());
    }

    /** A bundled scenario by name, a scenario file by path, or a HAR file imported with {@code har}. */
    public static Scenario resolve(String nameOrPath, HarImporter.Options har) throws ScenarioException {
        if (BUNDLED.contains(nameOrPath)) {
            return bundled(nameOrPath);
        }
        if (nameOrPath.toLowerCase(java.util.Locale.ROOT).endsWith(".har")) {
            return HarImporter.importHar(Path.of(nameOrPath), har).scenario();
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
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file.toString(), "", 0, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ScenarioException(file.toString(), "", 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), "", 0, "cannot read: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** Parses scenario JSON; {@code source} names it in error messages. */
    public static Scenario parse(String source, String json) throws ScenarioException {
        if (json.isBlank()) {
            throw new ScenarioException(source, "", 0, "empty file");
        }
        Scenario scenario;
        try {
            scenario = MAPPER.readValue(json, Scenario.class);
        } catch (JsonProcessingException e) {
            throw translate(source, json, e);
        }
        checkUniquePaths(source, json, scenario);
        return scenario;
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
        walk(source, json, scenario.root(), "$.root", seen);
    }

    private static void walk(String source, String json, Resource r, String at, Map<String, String> seen)
            throws ScenarioException {
        String key = (r.host() == null ? "" : r.host()) + r.path();
        String first = seen.putIfAbsent(key, at);
        if (first != null) {
            throw new ScenarioException(source, at + ".path", lineOf(json, at + ".path"),
                    "duplicate path \"" + r.path() + "\" (first at " + first + ")");
        }
        for (int i = 0; i < r.children().size(); i++) {
            walk(source, json, r.children().get(i), at + ".children[" + i + "]", seen);
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
            return new ScenarioException(source, syntaxPath, line, "malformed JSON: " + firstLine(parse.getOriginalMessage()));
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new ScenarioException(source, "", line, e.getOriginalMessage());
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
            problem = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
        } else if (e instanceof InvalidFormatException bad) {
            problem = "expected " + simpleType(bad.getTargetType()) + ", got " + describe(bad.getValue());
        } else if (e instanceof MismatchedInputException mismatch) {
            String message = mismatch.getOriginalMessage();
            if (message.startsWith("Missing required creator property")) {
                int q1 = message.indexOf('\''), q2 = message.indexOf('\'', q1 + 1);
                problem = "required field " + (q2 > q1 ? "\"" + message.substring(q1 + 1, q2) + "\" " : "") + "is missing";
            } else if (message.contains("Null value for creator property")) {
                problem = "required field is null";
            } else if (mismatch.getTargetType() != null) {
                problem = "expected " + simpleType(mismatch.getTargetType()) + " here";
            } else {
                problem = firstLine(message);
            }
        } else {
            problem = firstLine(e.getOriginalMessage());
        }
        return new ScenarioException(source, path, line, problem);
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
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

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
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

    /**
     * The line where the value at a JSON path ({@code $.root.children[3].size}) starts, found by a
     * streaming pass; 0 if not found. The HAR importer uses it for its messages too.
     */
    public static int lineOf(String json, String wanted) {
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token.isScalarValue() || token.isStructStart()) {
                    String here = pointerToPath(p.getParsingContext().pathAsPointer().toString());
                    if (here.equals(wanted)) {
                        return p.currentTokenLocation().getLineNr();
                    }
                }
            }
        } catch (IOException ignored) {
            // A location is a courtesy; the message stands without it.
        }
        return 0;
    }

    private static String pointerToPath(String pointer) {
        StringBuilder sb = new StringBuilder("$");
        for (String part : pointer.split("/")) {
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
