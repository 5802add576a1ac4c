package io.muxbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each class of bad scenario found so far (paths, headers, strings, hosts, statuses, depth, files): one line that says why. */
public class ScenarioRefusalsTest {

    @TempDir
    Path dir;

    /** A scenario whose root has {@code rootFields} and one child {@code child}. */
    private static String page(String rootFields, String child) {
        return "{\"schemaVersion\": 1, \"name\": \"t\", \"root\": {\"path\": \"/\", \"size\": 10" + rootFields
                + ", \"children\": [" + child + "]}}";
    }

    private static String child(String fields) {
        return "{\"size\": 5, " + fields + "}";
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.chars().forEach(c -> sb.append(c == '"' || c == '\\' ? "\\" + (char) c : c < ' ' ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return sb.append('"').toString();
    }

    /** The problem of a refused document, checked to be one plain line. */
    static String refusal(String document) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("t.json", document));
        assertPlainLine(e.getMessage());
        return e.getMessage();
    }

    public static void assertPlainLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), message);
        assertTrue(message.length() < 500, message);
        for (String java : List.of("java.", "com.fasterxml", "io.muxbench", "Exception", "StreamReadConstraints")) {
            assertFalse(message.contains(java), message);
        }
    }

    @Test
    void refusesNetworkPathReferences() {
        for (String path : List.of("//127.0.0.1:18081/x", "//dbl", "/\\host", "/\\\\host", "/%2F%2Fhost/x", "/a//b")) {
            String message = refusal(page("", child("\"path\": " + json(path))));
            assertTrue(message.startsWith("t.json:1: at $.root.children[0].path: path m"), message);
        }
        assertTrue(refusal(page("", child("\"path\": \"//127.0.0.1:18081/x\"")))
                .endsWith("path must not start with '//' (a client reads that as another host: a network-path reference),"
                        + " got \"//127.0.0.1:18081/x\""));
    }

    @Test
    void refusesPathsThatAreNotOriginForm() {
        List<String[]> cases = List.of(
                new String[]{"/a/../b", "must not hold '.' or '..' segments (also as %2e)"},
                new String[]{"/%2e%2e/x", "must not hold '.' or '..' segments (also as %2e)"},
                new String[]{"/x/.;p", "must not hold '.' or '..' segments (also as %2e)"},
                new String[]{"/a%2fb", "must not hold an encoded slash or backslash (%2F, %5C) before its query"},
                new String[]{"/a#f", "must not hold a fragment ('#')"},
                new String[]{"/100%", "must write '%' only as %XX with two hex digits"},
                new String[]{"/a|b", "may hold only letters, digits, %XX and -._~!$&'()*+,;=:@/? (RFC 3986 origin-form),"
                        + " not \"|\" at index 2"},
                new String[]{"/caf\u00e9", "not \"\\u00e9\" at index 4"},
                new String[]{"/a b", "not \" \" at index 2"},
                new String[]{"a.css", "must start with '/'"});
        for (String[] c : cases) {
            String message = refusal(page("", child("\"path\": " + json(c[0]))));
            assertTrue(message.contains(": at $.root.children[0].path: path " ) && message.contains(c[1]), message);
        }
        assertTrue(refusal(page("", child("\"path\": \"/a|b\""))).endsWith("got \"/a|b\""));
        assertTrue(refusal(page("", child("\"path\": \"/" + "a".repeat(5000) + "\"")))
                .endsWith("path must be at most 4096 characters, got 5001"));
    }

    @Test
    void acceptsOriginFormPathsWithParametersAndQueries() throws ScenarioException {
        for (String path : List.of("/a;jsessionid=1", "/api?u=https%3A%2F%2Fx&y=a/../b", "/dir/", "/~u/@x:y!$&'()*+,=",
                "/%25", "/a.b/..c/.d")) {
            assertEquals(path, ScenarioLoader.parse("t", page("", child("\"path\": " + json(path)))).root().children().get(0).path());
        }
    }

    @Test
    void refusesHeaderValuesThatAreNotVisibleAscii() {
        for (String value : List.of("v\r\nSet-Cookie: evil=1", "a\nb", "nul\u0000", "\u00e9 \u2603")) {
            assertTrue(refusal(page(", \"headers\": {\"x-a\": " + json(value) + "}", ""))
                    .contains("at $.root.headers: headers field \"x-a\" may hold only visible ASCII, spaces and tabs"));
            assertTrue(refusal(page(", \"contentType\": " + json("text/html" + value), ""))
                    .contains("at $.root.contentType: contentType must be at most 4096 characters of visible ASCII"));
            assertTrue(refusal("{\"schemaVersion\": 1, \"name\": \"t\", \"requestHeaders\": {\"x-a\": " + json(value)
                    + "}, \"root\": {\"path\": \"/\", \"size\": 1}}").contains("at $.requestHeaders: requestHeaders field \"x-a\""));
        }
        assertTrue(refusal(page(", \"headers\": {\"x-a\": \"" + "v".repeat(5000) + "\"}", ""))
                .endsWith("headers field \"x-a\" is longer than 4096 characters (5000)"));
        String many = "\"x-a\": \"" + "v".repeat(4000) + "\", \"x-b\": \"" + "v".repeat(4000) + "\"";
        assertTrue(refusal(page(", \"headers\": {" + many + "}", "")).contains("headers hold 8006 characters"));
    }

    @Test
    void refusesHopByHopFramingAndPseudoHeaders() {
        for (String name : List.of("upgrade", "Keep-Alive", "te", "proxy-foo", "trailer", "transfer-encoding", "connection")) {
            assertTrue(refusal(page(", \"headers\": {\"" + name + "\": \"x\"}", ""))
                    .endsWith("headers must not set \"" + name + "\": hop-by-hop fields belong to the connection,"
                            + " and HTTP/2 forbids them"));
        }
        assertTrue(refusal(page(", \"headers\": {\"content-length\": \"5\"}", ""))
                .contains("headers must not set \"content-length\": size and contentType set the framing"));
        for (String name : List.of("expect", "host", "cookie", "content-length", "transfer-encoding", "te")) {
            assertTrue(refusal("{\"schemaVersion\": 1, \"name\": \"t\", \"requestHeaders\": {\"" + name + "\": \"x\"},"
                    + " \"root\": {\"path\": \"/\", \"size\": 1}}").contains("requestHeaders must not set \"" + name + "\""));
        }
        for (String name : List.of(":path", "x a", "x-a\r\nx-b", "")) {
            assertTrue(refusal(page(", \"headers\": {" + json(name) + ": \"x\"}", ""))
                    .contains("headers names must be HTTP tokens"));
        }
    }

    @Test
    void refusesNumbersAndNullsWhereStringsAreExpected() {
        assertTrue(refusal(page(", \"headers\": {\"x-a\": 5}", "")).endsWith("at $.root.headers.x-a: expected a string, got 5"));
        assertTrue(refusal(page(", \"contentType\": 5", "")).endsWith("at $.root.contentType: expected a string, got 5"));
        assertTrue(refusal(page(", \"headers\": {\"x-a\": null}", "")).endsWith("headers field \"x-a\" has no value"));
        assertTrue(refusal(page("", "").replace("\"t\"", "5")).endsWith("at $.name: expected a string, got 5"));
        assertTrue(refusal(page("", "").replace("\"t\"", "true")).endsWith("at $.name: expected a string, got true"));
        assertTrue(refusal("{\"schemaVersion\": 1, \"name\": \"t\", \"requestHeaders\": {\"x-a\": 5},"
                + " \"root\": {\"path\": \"/\", \"size\": 1}}").endsWith("at $.requestHeaders.x-a: expected a string, got 5"));
    }

    @Test
    void refusesHostsThatAreNotLowerCaseDnsNames() throws ScenarioException {
        List<String[]> cases = List.of(
                new String[]{"127.0.0.1", "must be a DNS name, not an IP address"},
                new String[]{"[::1]:8443", "must be a DNS name, not an IP address"},
                new String[]{"localhost", "must not be localhost"},
                new String[]{"a\r\nb", "got \"a\\r\\nb\""},
                new String[]{"Cdn.example", "must be lower case"},
                new String[]{"cdn.example.", "must not end with '.'"},
                new String[]{"cdn.example:0", "port of 1 to 65535"},
                new String[]{"cdn.example:70000", "port of 1 to 65535"},
                new String[]{"-a.example", "labels of 1 to 63 letters"},
                new String[]{"cdn.123", "must end in a label that starts with a letter"});
        for (String[] c : cases) {
            String message = refusal(page("", child("\"path\": \"/x\", \"host\": " + json(c[1].isEmpty() ? "" : c[0]))));
            assertTrue(message.contains("at $.root.children[0].host: host ") && message.contains(c[1]), message);
        }
        assertEquals("cdn.example:8443", ScenarioLoader.parse("t", page("", child("\"path\": \"/x\", \"host\": \"cdn.example:8443\"")))
                .root().children().get(0).host());
    }

    @Test
    void refusesAHostOnTheRoot() {
        assertTrue(refusal(page(", \"host\": \"cdn.example\"", "")).endsWith("at $.root: root must not name a host:"
                + " the document is always on the origin under test, got \"cdn.example\""));
    }

    @Test
    void refusesStatusesThatCannotBeAFinalResponse() throws ScenarioException {
        for (int status : new int[]{100, 101, 103}) {
            assertTrue(refusal(page(", \"status\": " + status, "")).endsWith("at $.root.status: status " + status
                    + " is informational: a 1xx cannot be a final response; use 0 (= 200) or 200 to 599"));
        }
        for (int status : new int[]{99, 600, -1}) {
            assertTrue(refusal(page(", \"status\": " + status, "")).endsWith("status must be 0 (= 200) or 200 to 599, got " + status));
        }
        assertEquals(200, ScenarioLoader.parse("t", page(", \"status\": 0", "")).root().status());
    }

    @Test
    void refusesABodyOnStatusesThatCarryNone() {
        for (int status : new int[]{204, 304}) {
            assertTrue(refusal(page(", \"status\": " + status, "")).endsWith("at $.root.size: size must be 0 for status "
                    + status + " (it carries no body), got 10"));
        }
    }

    @Test
    void refusesTreesDeeperThanTheCapInOneShortLine() throws ScenarioException {
        assertEquals(Resource.MAX_DEPTH, ScenarioLoader.parse("t", chain(Resource.MAX_DEPTH)).root().depth());
        for (int depth : new int[]{Resource.MAX_DEPTH + 1, 600, 10_000}) {
            String message = refusal(chain(depth));
            assertTrue(message.endsWith("the resource tree is deeper than 32 levels, the most a scenario may have"), message);
            assertTrue(message.length() < 200, message);
        }
    }

    /** A scenario that is a chain of {@code depth} resources. */
    static String chain(int depth) {
        StringBuilder sb = new StringBuilder("{\"schemaVersion\": 1, \"name\": \"t\", \"root\": ");
        for (int i = 0; i < depth; i++) {
            sb.append("{\"path\": \"/r").append(i).append("\", \"size\": 1, \"children\": [");
        }
        return sb.append("]}".repeat(depth)).append("}").toString();
    }

    @Test
    void nullDocumentIsOneLine() {
        assertEquals("t.json:1: at $: expected an object here, got null", refusal("null"));
    }

    @Test
    void trailingContentIsRefusedAsSuch() {
        assertTrue(refusal(page("", "") + "\n{}").endsWith("at $: unexpected content after the scenario object (a file holds one object)"));
    }

    @Test
    void aByteOrderMarkIsSkippedAsInHarFiles() throws Exception {
        Path file = Files.writeString(dir.resolve("bom.json"), "\uFEFF" + page("", ""));
        assertEquals("t", ScenarioLoader.load(file).name());
    }

    @Test
    void nullChildIsNamedWithoutClassNames() {
        assertTrue(refusal(page("", "null")).endsWith("at $.root.children: children must be resources (objects), got null at index 0"));
    }

    @Test
    void unreadableFileSaysPermissionDenied() {
        Path file = dir.resolve("noperm.json");
        assertEquals(file + ": cannot read: permission denied",
                ScenarioException.unreadable(file, new AccessDeniedException(file.toString())).getMessage());
        assertTrue(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir)).getMessage().startsWith(dir + ": cannot read: "));
    }

    @Test
    void parserLimitsSpeakWithoutClassNames() {
        refusal(page(", \"status\": 1" + "0".repeat(30), ""));
        refusal(page(", \"status\": 1" + "0".repeat(2000), ""));
        refusal(page(", \"headers\": " + "[".repeat(300) + "]".repeat(300), ""));
        refusal(page(", \"headers\": {\"x\": {}}", ""));
        refusal(page(", \"children\": 5", ""));
    }

    @Test
    void duplicatePathsOfTwoHostsDoNotCollide() throws IOException, ScenarioException {
        String twoHosts = page("", child("\"path\": \"/x\", \"host\": \"a.example\"") + ", " + child("\"path\": \"/x\""));
        assertEquals(3, ScenarioLoader.parse("t", twoHosts).root().count());
    }
}
