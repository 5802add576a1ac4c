package io.muxbench.scenario.har;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Small hand-made HAR files for the untidy cases real captures have only some of. */
final class HarBuilder {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    final ObjectNode har = MAPPER.createObjectNode();
    final ArrayNode entries;

    HarBuilder() {
        ObjectNode log = har.putObject("log");
        log.put("version", "1.2");
        entries = log.putArray("entries");
    }

    /** A GET of {@code url} that started {@code startMillis} after the page and took {@code timeMillis}. */
    ObjectNode entry(String url, int status, String mimeType, long size, long startMillis, long timeMillis) {
        ObjectNode e = entries.addObject();
        e.put("startedDateTime", T0.plusMillis(startMillis).toString());
        e.put("time", timeMillis);
        ObjectNode request = e.putObject("request");
        request.put("method", "GET");
        request.put("url", url);
        request.put("httpVersion", "HTTP/1.1");
        request.putArray("headers");
        ObjectNode response = e.putObject("response");
        response.put("status", status);
        response.put("httpVersion", "HTTP/1.1");
        response.putArray("headers");
        response.put("headersSize", -1);
        response.put("bodySize", size);
        response.putObject("content").put("size", size).put("mimeType", mimeType);
        return e;
    }

    static void header(ObjectNode message, String name, String value) {
        ((ArrayNode) message.get("headers")).addObject().put("name", name).put("value", value);
    }

    Path write(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(har));
        return file;
    }
}
