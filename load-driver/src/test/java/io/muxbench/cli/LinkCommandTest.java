package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.link.LinkProfile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LinkCommandTest {

    @Test
    void helpListsEveryNamedProfileWithItsValues() {
        CliRun output = run("link", "--help");
        assertEquals(0, output.exitCode());
        for (LinkProfile profile : LinkProfile.named().values()) {
            String line = "(?m)^\\s+" + Pattern.quote(profile.name()) + "\\s+" + Pattern.quote(profile.spec()) + "$";
            assertTrue(Pattern.compile(line).matcher(output.out()).find(), profile.name() + " in:\n" + output.out());
        }
        assertTrue(output.out().contains("slow start"), output.out());
    }

    @Test
    void badProfileIsOneLineAndExitTwo() {
        CliRun output = run("link", "--listen", "0", "--upstream", "127.0.0.1:8000", "--link", "dialup");
        assertEquals(2, output.exitCode());
        assertTrue(output.err().startsWith("muxbench: --link: unknown link profile 'dialup'"), output.err());
        assertEquals(1, output.err().lines().count(), output.err());
    }

    @Test
    void badUpstreamIsExitTwo() {
        assertEquals(2, run("link", "--listen", "0", "--upstream", "127.0.0.1", "--link", "lan").exitCode());
        assertEquals(2, run("link", "--listen", "0", "--upstream", "127.0.0.1:99999", "--link", "lan").exitCode());
        assertEquals(2, run("link", "--listen", "-1", "--upstream", "127.0.0.1:80", "--link", "lan").exitCode());
        assertEquals(2, run("link", "--upstream", "127.0.0.1:80", "--link", "lan").exitCode());
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }
}
