package io.muxbench.scenario.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.scenario.Authority;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioException;
import io.muxbench.scenario.ScenarioLoader;
import io.muxbench.scenario.source.ScenarioSources;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntheticPageTest {

    @Test
    void aDocumentWithNObjectsOfOneSizeOnTheOrigin() throws Exception {
        Scenario page = ScenarioSources.resolve("synthetic:100x2kb");
        assertEquals("synthetic-100x2kb", page.name());
        Resource root = page.root();
        assertEquals("/", root.path());
        assertEquals("text/html", root.contentType());
        assertEquals(10_000, root.size());
        assertNull(root.host());
        assertEquals(100, root.children().size());
        for (int i = 0; i < 100; i++) {
            Resource object = root.children().get(i);
            assertEquals("/o/" + i + ".png", object.path());
            assertEquals(2_000, object.size());
            assertEquals("image/png", object.contentType());
            assertNull(object.host());
            assertTrue(object.children().isEmpty());
        }
        assertEquals(10_000 + 100 * 2_000, root.totalBytes());
        assertTrue(page.hosts().isEmpty());
        assertEquals("A synthetic page: a 10kb document and 100 objects of 2kb each, on the origin under test, all"
                + " discovered in the document.", page.description());
    }

    @Test
    void hostsTakeTheObjectsRoundRobinAndTheDocumentStaysOnTheOrigin() throws Exception {
        Scenario page = ScenarioSources.resolve("synthetic:10x512:4hosts");
        assertEquals("synthetic-10x512b-4hosts", page.name());
        assertNull(page.root().host());
        assertEquals(new TreeSet<>(List.of("s0.synthetic.test", "s1.synthetic.test", "s2.synthetic.test",
                "s3.synthetic.test")), page.hosts());
        for (int i = 0; i < 10; i++) {
            assertEquals("s" + (i % 4) + ".synthetic.test", page.root().children().get(i).host());
        }
        for (String host : page.hosts()) {
            assertNull(Authority.problem(host), host);
        }
        assertTrue(page.description().contains("round-robin over 4 other hosts (s0.synthetic.test ... s3.synthetic.test)"),
                page.description());
    }

    @Test
    void theDocumentsSizeIsAnOption() throws Exception {
        Scenario page = ScenarioSources.resolve("synthetic:3x1kib:doc20kb");
        assertEquals("synthetic-3x1kib-doc20kb", page.name());
        assertEquals(20_000, page.root().size());
        assertEquals(1_024, page.root().children().get(0).size());
        assertEquals("synthetic-3x1kib-2hosts-doc20kb", ScenarioSources.resolve("synthetic:3x1kib:doc20kb:2hosts").name(),
                "options in any order, the name in one");
    }

    @ParameterizedTest
    @CsvSource({
            "synthetic:100x2kb, synthetic-100x2kb",
            "SYNTHETIC:100X2KB, synthetic-100x2kb",
            "synthetic:100x2000, synthetic-100x2kb",
            "synthetic:100x2048, synthetic-100x2kib",
            "synthetic:1x1mib, synthetic-1x1mib",
            "synthetic:1x1048576b, synthetic-1x1mib",
            "synthetic:1x3mb, synthetic-1x3mb",
            "synthetic:1x1gib, synthetic-1x1gib",
            "synthetic:1x0, synthetic-1x0b",
            "synthetic:10000x1, synthetic-10000x1b",
            "synthetic:2x1kb:1host, synthetic-2x1kb-1hosts",
            "synthetic:2x1kb:doc10kb, synthetic-2x1kb",
            "synthetic:2x1kb:doc0, synthetic-2x1kb-doc0b",
    })
    void namesAreCanonicalAndFileSafe(String spec, String name) throws Exception {
        Scenario page = SyntheticPage.parse(spec);
        assertEquals(name, page.name());
        assertTrue(page.name().matches("[a-z0-9-]+"), page.name());
        // The format's rules hold: it writes and reads back as any scenario does.
        assertEquals(page, ScenarioLoader.parse(name + ".json", ScenarioLoader.toJson(page)));
    }

    @Test
    void sizesUseDecimalAndBinaryUnits() throws Exception {
        assertEquals(512, object("synthetic:1x512"));
        assertEquals(512, object("synthetic:1x512b"));
        assertEquals(2_000, object("synthetic:1x2kb"));
        assertEquals(2_048, object("synthetic:1x2KiB"));
        assertEquals(3_000_000, object("synthetic:1x3MB"));
        assertEquals(3L << 20, object("synthetic:1x3mib"));
        assertEquals(1L << 30, object("synthetic:1x1073741824"));
        assertEquals(1_000_000_000, object("synthetic:1x1gb"));
    }

    private static long object(String spec) throws ScenarioException {
        return SyntheticPage.parse(spec).root().children().get(0).size();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "synthetic:0x2kb | synthetic:0x2kb: object count must be 1 to 10000, got 0",
            "synthetic:10001x2kb | synthetic:10001x2kb: object count must be 1 to 10000, got 10001",
            "synthetic:100 | synthetic:100: '100' must be NxSIZE, the object count and each object's size, such as 100x2kb",
            "synthetic: | synthetic:: '' must be NxSIZE, the object count and each object's size, such as 100x2kb",
            "synthetic:x2kb | synthetic:x2kb: 'x2kb' must be NxSIZE, the object count and each object's size, such as 100x2kb",
            "synthetic:10x2tb | synthetic:10x2tb: object size '2tb' must be bytes (512) or a number with kb, mb, gb (1000) or kib, mib, gib (1024)",
            "synthetic:10x-1 | synthetic:10x-1: object size '-1' must be bytes (512) or a number with kb, mb, gb (1000) or kib, mib, gib (1024)",
            "synthetic:10x2.5kb | synthetic:10x2.5kb: object size '2.5kb' must be bytes (512) or a number with kb, mb, gb (1000) or kib, mib, gib (1024)",
            "synthetic:1x1073741825 | synthetic:1x1073741825: object size '1073741825' is over 1 GiB (1073741824 bytes)",
            "synthetic:1x2gb | synthetic:1x2gb: object size '2gb' is over 1 GiB (1073741824 bytes)",
            "synthetic:1x99999999999999999999 | synthetic:1x99999999999999999999: object size '99999999999999999999' must be bytes (512) or a number with kb, mb, gb (1000) or kib, mib, gib (1024)",
            "synthetic:10x2kb:0hosts | synthetic:10x2kb:0hosts: '0hosts': hosts must be 1 to 10 (at most 100 and at most one per object), got 0",
            "synthetic:10x2kb:11hosts | synthetic:10x2kb:11hosts: '11hosts': hosts must be 1 to 10 (at most 100 and at most one per object), got 11",
            "synthetic:1000x2kb:101hosts | synthetic:1000x2kb:101hosts: '101hosts': hosts must be 1 to 100 (at most 100 and at most one per object), got 101",
            "synthetic:10x2kb:2hosts:3hosts | synthetic:10x2kb:2hosts:3hosts: '3hosts': the hosts are given twice",
            "synthetic:10x2kb:doc1kb:doc2kb | synthetic:10x2kb:doc1kb:doc2kb: 'doc2kb': the document's size is given twice",
            "synthetic:10x2kb:docbig | synthetic:10x2kb:docbig: document size 'big' must be bytes (512) or a number with kb, mb, gb (1000) or kib, mib, gib (1024)",
            "synthetic:10x2kb:4 | synthetic:10x2kb:4: '4' is neither Khosts (such as 4hosts) nor docSIZE (such as doc20kb)",
            "synthetic:10x2kb: | synthetic:10x2kb:: '' is neither Khosts (such as 4hosts) nor docSIZE (such as doc20kb)",
    })
    void aBadSpecIsOneLineNamingTheBadPart(String spec, String message) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioSources.resolve(spec));
        assertEquals(message, e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void onlyTheSyntheticPrefixIsSynthetic() {
        assertTrue(SyntheticPage.isSynthetic("Synthetic:1x1"));
        assertTrue(!SyntheticPage.isSynthetic("synthetic.json"));
        assertTrue(!SyntheticPage.isSynthetic("blog"));
    }

    @Test
    void theLargestPageIsMadeWithoutTrouble() throws Exception {
        Scenario page = SyntheticPage.parse("synthetic:10000x1gib:100hosts:doc1gib");
        assertEquals("synthetic-10000x1gib-100hosts-doc1gib", page.name());
        assertEquals(10_001, page.root().count());
        SortedSet<String> hosts = page.hosts();
        assertEquals(100, hosts.size());
    }
}
