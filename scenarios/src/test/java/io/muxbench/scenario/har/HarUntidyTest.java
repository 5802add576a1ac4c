package io.muxbench.scenario.har;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Untidy captures: every odd entry is skipped and counted or read leniently, never a crash. */
class HarUntidyTest {

    @TempDir
    Path dir;

    private static HarImport importOf(Path file) throws ScenarioException {
        return HarImporter.importHar(file, HarImporter.Options.defaults());
    }

    @Test
    void skipsWhatCannotBeReplayedAndCountsItByReason() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("https://shop.test/", 200, "text/html", 1000, 0, 10);
        har.entry("data:image/png;base64,AAAA", 200, "image/png", 4, 1, 0);
        har.entry("blob:https://shop.test/1234", 200, "image/png", 10, 2, 1);
        har.entry("chrome-extension://abc/script.js", 200, "text/javascript", 10, 3, 1);
        har.entry("https://shop.test/cached.js", 0, "text/javascript", 0, 4, 1);
        har.entry("https://shop.test/not-modified.css", 304, "text/css", 0, 5, 1);
        har.entry("https://shop.test/old", 301, "text/html", 0, 6, 1).withObjectProperty("response").put("redirectURL", "/new");
        har.entry("https://shop.test/new", 200, "text/html", 70, 7, 1);
        har.entry("https://shop.test/new", 200, "text/html", 71, 8, 1);
        har.entry("https://shop.test/socket", 101, "", 0, 9, 1);
        har.entry("https://shop.test/beacon", 204, "", 0, 10, 1).withObjectProperty("request").put("method", "POST");
        har.entry("https://shop.test/missing-status", 200, "", 0, 11, 1).withObjectProperty("response").remove("status");
        har.entries.addObject().put("comment", "an entry without a request");

        // Redirects dropped: each reason once (HarRedirectsTest covers redirects kept).
        HarImport imported = HarImporter.importHar(har.write(dir, "untidy.har"),
                HarImporter.Options.defaults().withDropRedirects(true));

        assertEquals(Map.of(SkipReason.DATA_URL, 1, SkipReason.NOT_HTTP, 2, SkipReason.CACHED, 3, SkipReason.REDIRECT, 1,
                SkipReason.DUPLICATE, 1, SkipReason.INFORMATIONAL, 1, SkipReason.NOT_GET, 1, SkipReason.INVALID, 1),
                imported.counts().skipped());
        assertEquals("imported 2 of 13 entries of page 0 'https://shop.test/': skipped 1 unusable (no URL, host or response,"
                + " a bad status, or a path or field a scenario cannot hold), 1 data: URLs, 2 non-HTTP URLs (blob:, chrome-extension:, ws: ...), 1 non-GET requests,"
                + " 3 cached (status 0/304), 1 1xx responses (WebSocket upgrades), 1 redirects, 1 duplicate URLs;"
                + " its 1 host mapped onto the origin under test", imported.summary());
        Resource root = imported.scenario().root();
        assertEquals("/", root.path());
        assertEquals("/new", root.children().get(0).path());
        assertEquals(70, root.children().get(0).size(), "the first of two duplicates is kept");
    }

    @Test
    void readsMissingAndOddFieldsLeniently() throws Exception {
        HarBuilder har = new HarBuilder();
        ObjectNode doc = har.entry("http://shop.test/index.html?x=a b|c", 200, "", -1, 0, 10);
        ObjectNode response = (ObjectNode) doc.get("response");
        response.put("httpVersion", "me:");
        response.put("bodySize", -1);
        response.put("_transferSize", 1300);
        response.put("headersSize", 300);
        HarBuilder.header(response, "Content-Type", "text/html; charset=utf-8");
        ObjectNode wpt = har.entry("https://cdn.test/app.js", 200, "text/javascript", 0, 20, 5);
        wpt.put("_bytesIn", "2500");
        ((ObjectNode) wpt.get("response")).put("headersSize", 500);
        har.entry("https://img.test/res/w=60//https://cdn.test/a.webp?u=https://x//y", 200, "image/webp", 5, 30, 1);
        har.entry("https://img.test", 200, "text/plain", 6, 31, 1);
        ObjectNode bare = har.entries.addObject();
        bare.putObject("request").put("url", "https://cdn.test/bare");
        bare.putObject("response").put("status", 200);

        HarImport imported = importOf(har.write(dir, "odd fields!.har"));

        Scenario scenario = imported.scenario();
        assertEquals("odd-fields-", scenario.name());
        Resource root = scenario.root();
        assertEquals("/index.html?x=a%20b%7Cc", root.path());
        assertEquals("text/html; charset=utf-8", root.contentType(), "content type from the header");
        assertEquals(1000, root.size(), "_transferSize minus headersSize");
        Map<String, Resource> byPath = scenario.byPath();
        assertEquals(2000, byPath.get("/app.js").size(), "WebPageTest _bytesIn minus headersSize");
        assertEquals(0, byPath.get("/bare").size());
        assertEquals("application/octet-stream", byPath.get("/bare").contentType());
        assertEquals(5, byPath.get("/res/w=60/https:/cdn.test/a.webp?u=https://x//y").size(), "empty segments collapsed");
        assertEquals(6, byPath.get("/").size(), "a URL without a path asks for /");
        assertEquals(5, imported.counts().imported());
    }

    @Test
    void decodedSizesPreferContentSize() throws Exception {
        HarBuilder har = new HarBuilder();
        ((ObjectNode) har.entry("https://shop.test/", 200, "text/html", 300, 0, 1).get("response").get("content"))
                .put("size", 1200);
        Path file = har.write(dir, "sizes.har");
        assertEquals(300, importOf(file).scenario().root().size());
        assertEquals(1200, HarImporter.importHar(file, HarImporter.Options.defaults().withDecodedSizes(true))
                .scenario().root().size());
    }

    @Test
    void keepsReplayableHeadersOnly() throws Exception {
        HarBuilder har = new HarBuilder();
        ObjectNode doc = har.entry("https://shop.test/", 200, "text/html", 10, 0, 1);
        for (String[] h : new String[][]{{":method", "GET"}, {"Host", "shop.test"}, {"Cookie", "a=b"}, {"Authorization", "x"},
                {"Connection", "keep-alive"}, {"Content-Length", "0"}, {"If-None-Match", "\"x\""}, {"User-Agent", "Test/1"},
                {"Accept", "text/html"}, {"Accept", "*/*"}}) {
            HarBuilder.header((ObjectNode) doc.get("request"), h[0], h[1]);
        }
        ObjectNode response = (ObjectNode) doc.get("response");
        for (String[] h : new String[][]{{":status", "200"}, {"Set-Cookie", "a=b"}, {"Content-Length", "10"},
                {"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}, {"Transfer-Encoding", "chunked"},
                {"Keep-Alive", "timeout=5"}, {"Date", "Mon, 01 Jan 2024 00:00:00 GMT"}, {"HTTP/1.1 200 OK", ""},
                {"Cache-Control", "max-age=60"}, {"X-Bad", "a\r\nb"}, {"Vary", "Accept"}, {"vary", "Origin"}}) {
            HarBuilder.header(response, h[0], h[1]);
        }

        Scenario scenario = importOf(har.write(dir, "headers.har")).scenario();

        assertEquals(Map.of("user-agent", "Test/1", "accept", "text/html, */*"), scenario.requestHeaders());
        assertEquals(Map.of("cache-control", "max-age=60", "vary", "Accept, Origin"), scenario.root().headers());
    }

    @Test
    void twoHostsWithOnePathStayApartOnOneOrigin() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("https://shop.test/", 200, "text/html", 10, 0, 1);
        har.entry("https://cdn-a.test/lib.js", 200, "text/javascript", 20, 5, 1);
        har.entry("https://cdn-b.test/lib.js", 200, "text/javascript", 30, 6, 1);
        har.entry("https://cdn-b.test/", 200, "text/html", 40, 7, 1);
        Path file = har.write(dir, "hosts.har");

        HarImport mapped = importOf(file);
        assertEquals(java.util.List.of("/", "/lib.js", "/_h/cdn-b.test/lib.js", "/_h/cdn-b.test/"),
                mapped.scenario().resources().stream().map(Resource::path).toList());
        assertEquals(2, mapped.counts().pathsMadeUnique());
        assertTrue(mapped.summary().endsWith("all 3 hosts mapped onto the origin under test"
                + " (2 paths used by two hosts moved under /_h/<host>)"), mapped.summary());

        HarImport kept = HarImporter.importHar(file, HarImporter.Options.defaults().withKeepHosts(true));
        assertEquals(java.util.Arrays.asList(null, "cdn-a.test", "cdn-b.test", "cdn-b.test"),
                kept.scenario().resources().stream().map(Resource::host).toList());
        assertEquals(java.util.List.of("/", "/lib.js", "/lib.js", "/"),
                kept.scenario().resources().stream().map(Resource::path).toList());
    }

    @Test
    void withoutInitiatorsFontsAndImagesHangUnderTheStylesheetThatFinishedLast() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("https://shop.test/", 200, "text/html", 10, 0, 50);
        har.entry("https://shop.test/a.css", 200, "text/css", 10, 60, 40);     // ends at 100
        har.entry("https://shop.test/b.css", 200, "text/css", 10, 61, 100);    // ends at 161
        har.entry("https://shop.test/early.png", 200, "image/png", 10, 90, 5); // before any stylesheet ended
        har.entry("https://shop.test/app.js", 200, "text/javascript", 10, 120, 5);
        har.entry("https://shop.test/font.woff2", 200, "", 10, 130, 5);        // after a.css only
        har.entry("https://shop.test/late.jpg", 200, "image/jpeg", 10, 170, 5); // after both

        Resource root = importOf(har.write(dir, "timing.har")).scenario().root();

        assertEquals(java.util.List.of("/a.css", "/b.css", "/early.png", "/app.js"),
                root.children().stream().map(Resource::path).toList());
        assertEquals("/font.woff2", root.children().get(0).children().get(0).path());
        assertEquals("/late.jpg", root.children().get(1).children().get(0).path());
        assertEquals(3, root.depth());
    }

    @Test
    void initiatorsInEveryFormChromeWritesThem() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("https://shop.test/", 200, "text/html", 10, 0, 50);
        har.entry("https://shop.test/app.js", 200, "text/javascript", 10, 60, 10)
                .putObject("_initiator").put("type", "parser").put("url", "https://shop.test/");
        ObjectNode byStack = har.entry("https://api.test/data.json", 200, "application/json", 10, 80, 10);
        ObjectNode stack = byStack.putObject("_initiator").put("type", "script").putObject("stack");
        stack.putArray("callFrames").addObject().put("url", "");
        stack.putObject("parent").putArray("callFrames").addObject().put("url", "https://shop.test/app.js");
        har.entry("https://shop.test/logo.png", 200, "image/png", 10, 95, 1)
                .put("_initiator_detail", "{\"type\":\"script\",\"url\":\"https://api.test/data.json\"}");
        har.entry("https://shop.test/icon.png", 200, "image/png", 10, 96, 1)
                .put("_initiator", "https://shop.test/app.js#fragment");
        har.entry("https://shop.test/later.js", 200, "text/javascript", 10, 97, 1)
                .put("_initiator", "https://shop.test/never-seen.js");

        Resource root = importOf(har.write(dir, "initiators.har")).scenario().root();

        Resource app = root.children().get(0);
        assertEquals("/app.js", app.path());
        assertEquals(java.util.List.of("/data.json", "/icon.png"), app.children().stream().map(Resource::path).toList());
        assertEquals("/logo.png", app.children().get(0).children().get(0).path());
        assertEquals("/later.js", root.children().get(1).path(), "an unknown initiator falls back to the root");
        assertEquals(4, root.depth());
    }

    @Test
    void entriesWithoutPagesAreOnePage() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("https://shop.test/", 200, "text/html", 10, 0, 1);
        har.entry("https://shop.test/a.js", 200, "text/javascript", 10, 2, 1);
        Path file = har.write(dir, "nopages.har");
        assertEquals(2, importOf(file).counts().imported());
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> HarImporter.importHar(file, HarImporter.Options.defaults().withPage(1)));
        assertEquals(file + ": at $.log.pages: page 1 is out of range: the HAR has no log.pages, so all its entries are page 0",
                e.getMessage());
    }

    @Test
    void pagesSelectTheirEntriesByPageref() throws Exception {
        HarBuilder har = new HarBuilder();
        ObjectNode log = (ObjectNode) har.har.get("log");
        log.putArray("pages").add(har.entries.objectNode().put("id", "p1").put("title", "https://one.test/"))
                .add(har.entries.objectNode().put("id", "p2").put("title", "Second"));
        har.entry("https://one.test/", 200, "text/html", 10, 0, 1).put("pageref", "p1");
        har.entry("https://two.test/", 200, "text/html", 20, 5, 1).put("pageref", "p2");
        har.entry("https://two.test/x.js", 200, "text/javascript", 30, 6, 1).put("pageref", "p2");
        Path file = har.write(dir, "pages.har");
        HarImport second = HarImporter.importHar(file, HarImporter.Options.defaults().withPage(1));
        assertEquals(2, second.counts().imported());
        assertEquals(50, second.scenario().root().totalBytes());
        assertTrue(second.summary().startsWith("imported 2 of 2 entries of page 1 'https://two.test/'"), second.summary());
        assertFalse(second.scenario().description().isEmpty());
        assertNull(second.scenario().root().host());
    }

    @Test
    void aPageWhoseEntriesAreAllSkippedIsAnError() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("data:text/plain,hi", 200, "text/plain", 2, 0, 1);
        har.entry("https://shop.test/", 302, "text/html", 0, 1, 1);
        Path file = har.write(dir, "nothing.har");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importOf(file));
        assertEquals(file + ": none of the 2 entries of page 0 can be replayed (skipped 1 data: URLs,"
                + " 1 redirects to nothing replayable (not captured, skipped, or the same URL by another scheme))",
                e.getMessage());
        assertTrue(Files.exists(file));
    }
}
