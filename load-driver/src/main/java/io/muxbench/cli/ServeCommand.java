package io.muxbench.cli;

import io.muxbench.driver.run.RunDefaults;
import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.transport.RequestTargets;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code muxbench serve}: the embedded origin alone, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the embedded origin alone and prints the URLs it serves, until Ctrl-C.",
                "Cleartext port: HTTP/1.1 and h2c (prior knowledge). TLS port: ALPN h2 and http/1.1, with a"
                        + " certificate for localhost/127.0.0.1 generated at start-up (use curl -k); HTTP/3 (ALPN h3)"
                        + " on UDP at the same port number, where QUIC's native library loads.",
                "A page on several hosts (imported with --keep-hosts) is served on the same two ports: each request"
                        + " gets the resources of the host it names (Host, :authority), so point every host name at"
                        + " the origin (curl --connect-to ::127.0.0.1:PORT)."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", defaultValue = RunDefaults.SCENARIO, paramLabel = "NAME|FILE",
            description = "Bundled scenario name or scenario file (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--keep-hosts",
            description = "A HAR keeps each resource on its host: every host is served on the same two ports, by Host.")
    boolean keepHosts;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "0", description = "Cleartext port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tls-port", defaultValue = "0", description = "TLS port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int tlsPort;

    @Option(names = "--key", defaultValue = RunDefaults.KEY_TYPE, description = "Certificate key: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    KeyType key;

    @Option(names = "--max-streams", defaultValue = "" + RunDefaults.MAX_CONCURRENT_STREAMS,
            description = "HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS announced, and HTTP/3's initial_max_streams_bidi"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxStreams;

    @Override
    public Integer call() throws Exception {
        Scenario page = Scenarios.load(scenario, keepHosts);
        Origin.Options options;
        try {
            options = new Origin.Options(host, port, tlsPort, key, maxStreams);
        } catch (IllegalArgumentException e) {
            throw UserException.badInput(e.getMessage());
        }
        Origin origin = Origins.start(options);
        origin.serve(page);
        for (String problem : io.muxbench.driver.origin.PageBodies.of(page).problems()) {
            System.err.println("warning: a browser cannot load this page as the driver does: " + io.muxbench.scenario.Messages.escape(problem));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Serving scenario '%s' (%d resources, %,d bytes)%n", page.name(), page.root().count(),
                page.root().totalBytes());
        out.printf("  cleartext (HTTP/1.1, h2c): %s%n", origin.cleartextUri());
        out.printf("  TLS (ALPN h2, http/1.1):   %s   (%s certificate, SPKI sha256 %s)%n", origin.tlsUri(),
                key, origin.certificate().spkiSha256());
        if (origin.http3Available()) {
            out.printf("  HTTP/3 (QUIC, ALPN h3):    %s   (UDP, the TLS port's number)%n", origin.tlsUri());
        }
        if (!page.hosts().isEmpty()) {
            out.printf("  other hosts (%d), on the same two ports, chosen by Host and TLS server name:%n", page.hosts().size());
            out.printf("    %s%n", String.join(" ", page.hosts().stream().map(io.muxbench.scenario.Messages::escape).toList()));
        }
        out.printf("  document: %s%n", target(origin, page.root()));
        Resource first = page.root().children().isEmpty() ? page.root() : page.root().children().get(0);
        // --connect-to sends every host name to the origin's port, keeping it in Host and SNI.
        String connectTo = page.hosts().isEmpty() ? "" : "--connect-to ::" + origin.tlsUri().getRawAuthority() + " ";
        out.printf("  try: curl -sk --http2 %s-o /dev/null -w '%%{http_version} %%{http_code} %%{size_download}\\n' %s%n",
                connectTo, target(origin, first));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                origin.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
            stopped.countDown();
        }, "origin-shutdown"));
        stopped.await();
        return 0;
    }

    /** Where a resource is requested over TLS, or why it cannot be. */
    private static String target(Origin origin, Resource resource) {
        try {
            return RequestTargets.of(origin.tlsUri(), resource.host(), resource.path()).toString();
        } catch (IllegalArgumentException e) {
            return "(none: " + io.muxbench.scenario.Messages.escape(e.getMessage()) + ")";
        }
    }
}
