package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.link.LinkProfile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LinkCommandTest {

    @Test
    void helpListsEveryNamedProfileWithItsValues() {
        Output output = run("link", "--help");
        assertEquals(0, output.exitCode);
        for (LinkProfile profile : LinkProfile.named().values()) {
            String line = "(?m)^\\s+" + Pattern.quote(profile.name()) + "\\s+" + Pattern.quote(profile.spec()) + "$";
            assertTrue(Pattern.compile(line).matcher(output.out).find(), profile.name() + " in:\n" + output.out);
        }
        assertTrue(output.out.contains("slow start"), output.out);
    }

    @Test
    void badProfileIsOneLineAndExitTwo() {
        Output output = run("link", "--listen", "0", "--upstream", "127.0.0.1:8000", "--link", "dialup");
        assertEquals(2, output.exitCode);
        assertTrue(output.err.startsWith("muxbench: --link: unknown link profile 'dialup'"), output.err);
        assertEquals(1, output.err.lines().count(), output.err);
    }

    @Test
    void badUpstreamIsExitTwo() {
        assertEquals(2, run("link", "--listen", "0", "--upstream", "127.0.0.1", "--link", "lan").exitCode);
        assertEquals(2, run("link", "--listen", "0", "--upstream", "127.0.0.1:99999", "--link", "lan").exitCode);
        assertEquals(2, run("link", "--listen", "-1", "--upstream", "127.0.0.1:80", "--link", "lan").exitCode);
        assertEquals(2, run("link", "--upstream", "127.0.0.1:80", "--link", "lan").exitCode);
    }

    private static Output run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Output(exitCode, out.toString(), err.toString());
    }

    private record Output(int exitCode, String out, String err) {
    }
}
