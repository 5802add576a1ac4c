package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int compare(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "compare";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.execute(out, err, all);
    }

    private Path jmh(String name, double score, double error) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, String.format(Locale.ROOT, """
                [ { "jmhVersion" : "1.37", "benchmark" : "io.muxbench.bench.HpackBench.encode", "mode" : "thrpt",
                    "threads" : 1, "forks" : 2, "params" : { "headers" : "BROWSER" },
                    "primaryMetric" : { "score" : %f, "scoreError" : %f, "scoreConfidence" : [ 0, 0 ],
                                        "scoreUnit" : "ops/ms" },
                    "secondaryMetrics" : { } } ]
                """, score, error));
        return file;
    }

    @Test
    void identicalInputsExitZero() throws Exception {
        assertEquals(0, compare(jmh("a.json", 1000, 10).toString(), jmh("b.json", 1000, 10).toString()), err.toString());
        assertTrue(out.toString().contains("no regression"), out.toString());
    }

    @Test
    void theSameInputTwiceExitsTwoWithOneLine() throws Exception {
        Path a = jmh("a.json", 1000, 10);
        assertEquals(2, compare(a.toString(), tmp.resolve(".").resolve("a.json").toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("muxbench: cannot compare: ") && err.toString().contains("are the same JMH"
                + " result file"), err.toString());
    }

    @Test
    void resamplesAreBounded() throws Exception {
        Path a = jmh("a.json", 1000, 10);
        Path b = jmh("b.json", 1000, 10);
        assertEquals(2, compare(a.toString(), b.toString(), "--resamples", "100000000"));
        assertEquals("muxbench: resamples must be in [100, 100000], was 100000000", err.toString().trim());
    }

    @Test
    void aRegressionExitsOneAndWritesMarkdownAndJUnit() throws Exception {
        Path md = tmp.resolve("summary.md");
        Path junit = tmp.resolve("junit.xml");
        int exit = compare(jmh("a.json", 1000, 10).toString(), jmh("b.json", 800, 10).toString(),
                "--markdown", md.toString(), "--junit", junit.toString());
        assertEquals(1, exit, err.toString());
        assertTrue(out.toString().contains("io.muxbench.bench.HpackBench.encode [headers=BROWSER] (thrpt): regression"),
                out.toString());
        assertTrue(Files.readString(md).startsWith("## muxbench compare: 1 regression"));
        assertTrue(Files.readString(junit).contains("<failure type=\"regression\""));
    }

    @Test
    void aWiderThresholdLetsTheSameChangePass() throws Exception {
        assertEquals(0, compare(jmh("a.json", 1000, 10).toString(), jmh("b.json", 800, 10).toString(),
                "--threshold-jmh", "25%"), err.toString());
    }

    @Test
    void anotherSchemaVersionExitsTwoWithOneLine() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("results.json"), "{\"schemaVersion\": 3, \"runId\": \"x\", \"cells\": []}");
        Path junit = tmp.resolve("junit.xml");
        assertEquals(2, compare(other.toString(), other.toString(), "--junit", junit.toString()));
        String[] lines = err.toString().split("\n");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("muxbench: cannot compare: ") && lines[0].contains("schema version 3"), lines[0]);
        assertTrue(Files.readString(junit).contains("type=\"incomparable\""));
    }

    @Test
    void ignoringAFieldTheConfigurationLacksExitsTwoWithOneLine() throws Exception {
        assertEquals(2, compare(jmh("a.json", 1000, 10).toString(), jmh("b.json", 1000, 10).toString(),
                "--ignore-config", "outDir"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("muxbench: no configuration field 'outDir' to ignore; the fields: "),
                err.toString());
    }

    @Test
    void aBadThresholdExitsTwo() throws Exception {
        Path a = jmh("a.json", 1000, 10);
        assertEquals(2, compare(a.toString(), a.toString(), "--threshold-p50", "ten"));
        assertTrue(err.toString().contains("'ten' is not a percentage"), err.toString());
        assertEquals(2, compare(a.toString(), a.toString(), "--threshold-p50", "-5%"));
        assertTrue(err.toString().contains("p50Percent must be a positive percentage, was -5.0"), err.toString());
    }
}
