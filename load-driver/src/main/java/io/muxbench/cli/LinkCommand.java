package io.muxbench.cli;

import io.muxbench.driver.link.LinkEmulator;
import io.muxbench.driver.link.LinkProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code muxbench link}: the link emulator alone, as a TCP and UDP proxy in front of a server, so
 * that a browser, curl, h2load or an HTTP/3 client can be put on the same link as muxbench's own clients.
 */
@Command(name = "link", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs the link emulator alone: a TCP and UDP proxy that puts an emulated network link between its"
                        + " clients and one upstream server, until Ctrl-C. UDP is relayed on the same port number,"
                        + " to the upstream's same UDP port (so HTTP/3 clients can use it too).",
                "",
                "Each direction has a propagation delay of half the round-trip time and a bottleneck of fixed"
                        + " bandwidth, shared round-robin by all connections from one client address (one"
                        + " 'browser'; different addresses get their own). Each connection waits one round trip"
                        + " (the TCP handshake) before its first byte, starts with a window of 10 segments of"
                        + " 1460 bytes (iw=N to change) that doubles every round trip (slow start), delivers in"
                        + " order, and loses segments at random (seeded): a lost segment arrives one round trip"
                        + " later (200 ms later when too few segments follow it), holds back every later byte,"
                        + " and halves the window. With syn-rto=1s (or 3s...) SYNs and SYN-ACKs are lost at"
                        + " random too, each costing the timeout, doubled per retry (at most three).",
                "",
                "Datagrams from each client address and port go through a relay of their own, share the"
                        + " browser's bottleneck with its TCP connections, wait in a drop-tail queue (twice the"
                        + " bandwidth-delay product, at least 256 KiB, per direction), are lost at random"
                        + " (seeded, per datagram, never retransmitted) and arrive whole and in order.",
                ""
        },
        footer = {
                "",
                "Named profiles (rates are payload bits per second; 4g is WebPageTest's LTE, 3g its 3GFast):",
                "  lan        rtt=1ms,down=1gbit,up=1gbit,loss=0",
                "  cable      rtt=28ms,down=5mbit,up=1mbit,loss=0",
                "  4g         rtt=70ms,down=12mbit,up=12mbit,loss=0",
                "  3g         rtt=150ms,down=1.6mbit,up=768kbit,loss=0",
                "  lossy-4g   rtt=70ms,down=12mbit,up=12mbit,loss=0.02",
                "  satellite  rtt=600ms,down=25mbit,up=3mbit,loss=0",
                "",
                "Example:",
                "  muxbench link --listen 9000 --upstream 127.0.0.1:8080 --link cable",
                "  curl -w '%%{time_connect} %%{time_starttransfer} %%{time_total}\\n' -o /dev/null http://127.0.0.1:9000/"
        })
public final class LinkCommand implements Callable<Integer> {

    @Option(names = "--listen", required = true, paramLabel = "PORT", description = "Port to listen on (0: any free port).")
    int listenPort;

    @Option(names = "--listen-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String listenHost;

    @Option(names = "--upstream", required = true, paramLabel = "HOST:PORT", description = "The server to forward to.")
    String upstream;

    @Option(names = "--link", required = true, paramLabel = "PROFILE",
            description = "A named profile (below) or rtt=100ms,down=8mbit,up=2mbit,loss=1%%; optional keys iw=10"
                    + " (initial window, segments) and syn-rto=3s (lost SYNs; off by default).")
    String link;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the segment and datagram loss: the same seed loses the same segments and datagrams"
                    + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        LinkProfile profile = profile(link);
        InetSocketAddress upstreamAddress = hostAndPort(upstream, "--upstream");
        if (listenPort < 0 || listenPort > 65_535) {
            throw UserException.badInput("--listen must be a port from 0 to 65535, not " + listenPort);
        }
        InetSocketAddress listen = new InetSocketAddress(address(listenHost, "--listen-host"), listenPort);
        LinkEmulator emulator;
        try {
            emulator = LinkEmulator.start(profile, listen, upstreamAddress, seed);
        } catch (IOException e) {
            throw UserException.failed("cannot listen on " + listenHost + ":" + listenPort + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("muxbench link: listening on " + hostPort(emulator.address()) + " (TCP and UDP), forwarding to "
                + hostPort(upstreamAddress) + " over " + profile + ", seed " + seed + " (Ctrl-C stops)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            emulator.close();
            out.println("muxbench link: stopped after " + emulator.stats().summary());
            out.flush();
            stopped.countDown();
        }, "muxbench-link-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            awaitStop(emulator, stopped);
        } catch (UserException e) {
            removeQuietly(onCtrlC); // the failure is the one line to print, not the stats of a dead link
            throw e;
        }
        return 0;
    }

    /**
     * Waits until Ctrl-C has stopped the emulator ({@code stopped} counted down), or until it stopped
     * by itself: then it serves nobody any more, and saying so beats a process that looks alive.
     *
     * @throws UserException (exit 1) if the emulator failed
     */
    static void awaitStop(LinkEmulator emulator, CountDownLatch stopped) throws InterruptedException {
        emulator.stopped().thenRun(stopped::countDown);
        stopped.await();
        emulator.failure().ifPresent(cause -> {
            throw UserException.failed("the link emulator failed and stopped listening on " + hostPort(emulator.address())
                    + ": " + cause);
        });
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Ctrl-C came at the same time: its hook prints the stats, and the failure line follows.
        }
    }

    static LinkProfile profile(String spec) {
        try {
            return LinkProfile.parse(spec);
        } catch (IllegalArgumentException e) {
            throw UserException.badInput("--link: " + e.getMessage());
        }
    }

    /** Parses {@code host:port} or {@code [v6-address]:port}. */
    static InetSocketAddress hostAndPort(String value, String option) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw UserException.badInput(option + " must be HOST:PORT, not '" + value + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw UserException.badInput(option + " must be HOST:PORT, not '" + value + "' (bad port)");
        }
        if (port < 1 || port > 65_535) {
            throw UserException.badInput(option + " port must be from 1 to 65535, not " + port);
        }
        return new InetSocketAddress(address(host, option), port);
    }

    private static InetAddress address(String host, String option) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw UserException.badInput(option + ": unknown host '" + host + "'");
        }
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
