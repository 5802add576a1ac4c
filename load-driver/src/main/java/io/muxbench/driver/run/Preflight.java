package io.muxbench.driver.run;

import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.transport.Alpn;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.ClientEnvironment;
import io.muxbench.driver.transport.Exchange;
import io.muxbench.vocabulary.ErrorCause;
import io.muxbench.driver.mode.Mode;
import io.muxbench.scenario.Scenario;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Before measuring anything: one request for the document over each mode, straight to the origin.
 * A target that refuses connections, a certificate that is not trusted, or ALPN giving another
 * protocol than the mode asks for ends the run here with one clear line; except over a mode the
 * user did not ask for by name and the target may well not offer (h3 against a server without
 * HTTP/3), which is left out of the run with one warning line.
 */
final class Preflight {

    private Preflight() {
    }

    /**
     * @param optional modes that are left out, with a warning, when the origin does not answer over them
     * @return the modes the origin answered over, in the configuration's order
     */
    static List<Mode> check(RunConfig config, Scenario scenario, URI upstream, Origin origin, Set<Mode> optional,
                            ProgressListener progress) throws RunException {
        if (origin != null) {
            origin.serve(scenario);
        }
        ClientEnvironment.Options options = config.client().options(upstream,
                origin == null ? null : origin.certificate().trustStore(), null);
        List<Mode> answered = new ArrayList<>();
        try (ClientEnvironment environment = new ClientEnvironment(options)) {
            for (Mode mode : config.modes()) {
                try (BrowserClient client = mode.newClient(environment, config.shardBrowsers().get(0))) {
                    client.requestHeaders(scenario.requestHeaders());
                    Exchange exchange = new Exchange(scenario.root());
                    exchange.startNanos = System.nanoTime();
                    CompletableFuture<Exchange> done = new CompletableFuture<>();
                    client.send(List.of(exchange), done::complete);
                    Exchange result;
                    try {
                        result = done.get(config.pageLoadTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        result = new Exchange(scenario.root());
                        result.fail(ErrorCause.TIMEOUT, "within " + config.pageLoadTimeout().toSeconds() + " s");
                    }
                    if (result.failed() && optional.contains(mode)) {
                        progress.message("warning: no " + mode.id() + " cells: " + describe(mode, upstream, result)
                                + "; name it with -m to make this an error");
                        continue;
                    }
                    if (result.failed()) {
                        throw new RunException(describe(mode, upstream, result));
                    }
                    if (result.status != scenario.root().status()) {
                        throw new RunException(upstream.getScheme() + "://" + upstream.getAuthority()
                                + scenario.root().path() + " answered " + result.status + " over " + mode.id()
                                + " where scenario '" + scenario.name() + "' declares " + scenario.root().status()
                                + ": is it the right server, and does it serve the scenario's paths?");
                    }
                    answered.add(mode);
                }
            }
        } catch (RunException e) {
            throw e;
        } catch (Exception e) {
            throw new RunException("cannot reach " + upstream + ": " + e.getMessage());
        }
        return answered;
    }

    private static String describe(Mode mode, URI upstream, Exchange failed) {
        String where = upstream.getScheme() + "://" + upstream.getAuthority();
        return switch (failed.failure) {
            case REFUSED -> "cannot connect to " + where + ": connection refused (is the server running?)";
            case TLS -> "TLS handshake with " + where + " failed over " + mode.id() + " (ALPN offered only '"
                    + mode.alpn() + "'): " + failed.failureDetail + tlsHint(mode, failed.failureDetail);
            case ALPN -> where + " over " + mode.id() + ": " + failed.failureDetail
                    + (failed.failureDetail.contains("fall back") ? ""
                    : " (the server accepts none of the protocols offered, '" + mode.alpn() + "'; muxbench does not fall back)");
            case TIMEOUT -> where + " did not answer " + failed.resource.path() + " over " + mode.id()
                    + (String.valueOf(failed.failureDetail).startsWith("within") ? " " + failed.failureDetail : " in time")
                    + (Alpn.H3.equals(mode.alpn())
                    ? " (QUIC, on UDP port " + upstream.getPort() + ": does the server offer HTTP/3 there?)" : "");
            case RESET -> upstream.getScheme().equals("https") && failed.status == 0
                    ? where + " closed the connection before answering over " + mode.id() + " (ALPN offered only '"
                    + mode.alpn() + "'): the server may not support that protocol, and muxbench does not fall back ("
                    + failed.failureDetail + ")"
                    : "the first request to " + where + failed.resource.path() + " over " + mode.id()
                    + " failed: reset (" + failed.failureDetail + ")";
            default -> "the first request to " + where + failed.resource.path() + " over " + mode.id() + " failed: "
                    + failed.failure.id() + " (" + failed.failureDetail + ")";
        };
    }

    /** What most likely went wrong in a failed handshake, judged from the failure's message. */
    private static String tlsHint(Mode mode, String detail) {
        String lower = String.valueOf(detail).toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("certificat") || lower.contains("pkix") || lower.contains("trust")) {
            return " (use --insecure to skip certificate checks)";
        }
        if (lower.contains("closed") || lower.contains("terminated")) {
            return " (a server that does not offer " + mode.alpn() + " ends the handshake this way; muxbench does not"
                    + " fall back)";
        }
        return "";
    }
}
