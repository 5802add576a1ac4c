package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.muxbench.driver.link.LinkEmulator;
import io.muxbench.driver.link.LinkFaults;
import io.muxbench.driver.link.LinkProfile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
    void helpSaysUdpIsRelayedOnTheSamePort() {
        CliRun output = run("link", "--help");
        assertEquals(0, output.exitCode());
        String help = output.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("TCP and UDP proxy"), output.out());
        assertTrue(help.contains("UDP is relayed on the same port number"), output.out());
        assertTrue(help.contains("drop-tail queue"), output.out());
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

    @Test
    void explicitSpecsOutOfBoundsOrWithAKeyTwiceAreOneLineAndExitTwo() {
        for (String spec : new String[] {"rtt=1e400ms,down=1mbit", "rtt=5ms,rtt=6ms,down=1mbit", "rtt=5ms,down=1mbit,loss=100%",
                "rtt=5ms,down=1mbit,iw=0", "rtt=5ms,down=1mbit,syn-rto=61s"}) {
            CliRun output = run("link", "--listen", "0", "--upstream", "127.0.0.1:8000", "--link", spec);
            assertEquals(2, output.exitCode(), spec);
            assertTrue(output.err().startsWith("muxbench: --link: "), output.err());
            assertEquals(1, output.err().lines().count(), output.err());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anEmulatorThatFailsEndsTheCommandWithOneLineAndExitOne() throws Exception {
        InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1);
        try (LinkEmulator link = LinkEmulator.start(LinkProfile.parse("lan"), nobody, 1)) {
            LinkFaults.breakThread(link);
            CountDownLatch ctrlC = new CountDownLatch(1); // never pressed
            UserException e = assertThrows(UserException.class, () -> LinkCommand.awaitStop(link, ctrlC));
            assertEquals(1, e.exitCode());
            assertTrue(e.getMessage().startsWith("the link emulator failed and stopped listening on 127.0.0.1:"
                    + link.port() + ": java.nio.channels.ClosedSelectorException"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(!link.isRunning());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void ctrlCEndsTheCommandNormally() throws Exception {
        InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1);
        try (LinkEmulator link = LinkEmulator.start(LinkProfile.parse("lan"), nobody, 1)) {
            CountDownLatch ctrlC = new CountDownLatch(1);
            link.close(); // what the shutdown hook does
            ctrlC.countDown();
            LinkCommand.awaitStop(link, ctrlC);
            assertTrue(link.failure().isEmpty());
        }
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }
}
