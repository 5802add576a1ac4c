package io.muxbench.scenario;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Random JSON for the property tests: trees of objects (keys mostly from a given vocabulary, so that
 * the loaders get past their first checks), arrays, hostile strings, odd numbers, booleans and null;
 * and mutations of a valid document. Every choice is taken from Jazzer's {@link FuzzedDataProvider},
 * so the fuzzer steers the shape of the document and a saved input rebuilds the same one. An input
 * that runs out of bytes keeps giving the smallest choice, so every document stays finite.
 */
public final class RandomJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> TRICKY = List.of("", " ", "/", "//127.0.0.1:18081/x", "/a/../b", "/%2e%2e/x", "/a#f",
            "/caf\u00e9", "/a|b", "/\\host", "/%2F", "/100%", "a\r\nb", "\u0000", "\uFEFF", "\uD83D\uDE00", "\uD800",
            "127.0.0.1", "[::1]:99", "localhost", "cdn.example", "CDN.example:70000", "x-a", ":path", "transfer-encoding",
            "expect", "upgrade", "text/html", "null", "1e400", "http://user:pw@h.example:8080/", "https://shop.test/",
            "data:,x", "2024-01-01T00:00:00Z", "not a date");

    private final FuzzedDataProvider data;
    private final List<String> keys;

    public RandomJson(FuzzedDataProvider data, List<String> keys) {
        this.data = data;
        this.keys = keys;
    }

    public JsonNode value(int depth) {
        int kind = below(depth <= 0 ? 6 : 9);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(data.consumeBoolean());
            case 2, 3 -> number();
            case 4, 5 -> NODES.textNode(string());
            case 6, 7 -> object(depth - 1);
            default -> array(depth - 1);
        };
    }

    public ObjectNode object(int depth) {
        ObjectNode object = NODES.objectNode();
        int fields = below(6);
        for (int i = 0; i < fields; i++) {
            String key = below(5) == 0 ? string() : data.pickValue(keys);
            object.set(key, value(depth));
        }
        return object;
    }

    private ArrayNode array(int depth) {
        ArrayNode array = NODES.arrayNode();
        int items = below(4);
        for (int i = 0; i < items; i++) {
            array.add(value(depth));
        }
        return array;
    }

    public JsonNode number() {
        return switch (below(7)) {
            case 0 -> NODES.numberNode(data.consumeInt(-100, 899));
            case 1 -> NODES.numberNode(data.consumeLong());
            case 2 -> NODES.numberNode(data.consumeProbabilityDouble() * 1e6 - 1e3);
            case 3 -> NODES.numberNode(new BigInteger(1, data.consumeBytes(25))); // up to 200 bits
            case 4 -> NODES.numberNode(new BigDecimal("1e" + data.consumeInt(-400, 399)));
            case 5 -> NODES.numberNode(data.pickValue(List.of(0, 1, 99, 100, 101, 200, 204, 304, 404, 599, 600, -1)));
            default -> NODES.numberNode(1L << 30 + below(3) - 1);
        };
    }

    public String string() {
        if (below(3) == 0) {
            return data.pickValue(TRICKY);
        }
        StringBuilder sb = new StringBuilder();
        int length = below(below(20) == 0 ? 6000 : 20);
        for (int i = 0; i < length; i++) {
            int pick = below(10);
            sb.append(pick < 6 ? (char) (' ' + below(95)) : pick < 8 ? "/.%?#:@".charAt(below(7))
                    : pick == 8 ? (char) below(32) : (char) (0x80 + below(0xFFFF - 0x80)));
        }
        return sb.toString();
    }

    /** The document with one change: a field dropped, a value swapped for a random one, or a string replaced. */
    public JsonNode mutate(JsonNode document) {
        JsonNode copy = document.deepCopy();
        List<Map.Entry<JsonNode, Object>> slots = new ArrayList<>();
        collect(copy, slots);
        if (slots.isEmpty()) {
            return value(2);
        }
        Map.Entry<JsonNode, Object> slot = data.pickValue(slots);
        JsonNode replacement = data.consumeBoolean() ? NODES.textNode(string()) : value(2);
        if (slot.getKey() instanceof ObjectNode object) {
            String field = (String) slot.getValue();
            if (below(3) == 0) {
                object.remove(field);
            } else {
                object.set(field, replacement);
            }
        } else {
            ((ArrayNode) slot.getKey()).set((Integer) slot.getValue(), replacement);
        }
        return copy;
    }

    private static void collect(JsonNode node, List<Map.Entry<JsonNode, Object>> slots) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                slots.add(Map.entry(object, name));
                collect(object.get(name), slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(Map.entry(array, i));
                collect(array.get(i), slots);
            }
        }
    }

    /** The text of a document, now and then cut short or followed by junk. */
    public String text(JsonNode document) throws Exception {
        String text = MAPPER.writeValueAsString(document);
        return switch (below(10)) {
            case 0 -> text.substring(0, below(text.length() + 1));
            case 1 -> text + (data.consumeBoolean() ? " {}" : ",");
            case 2 -> "\uFEFF" + text;
            default -> text;
        };
    }

    /** A choice in [0, bound), as {@code Random.nextInt(bound)} gave it. */
    private int below(int bound) {
        return data.consumeInt(0, bound - 1);
    }
}
