package io.muxbench.driver.run;

import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.ClientEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Virtual browsers over one mode, on a client environment of their own (threads, buffers, TLS
 * contexts), every request carrying the page's headers. Closing closes the browsers first, then
 * the environment: browsers run on its threads (the other way round, every close waited out the
 * thread pool's stop timeout).
 *
 * <pre>{@code
 * try (Browsers browsers = Browsers.open(options, mode, 3, scenario.requestHeaders())) {
 *     new SaturatingLoad(browsers.list(), scenario, timeout).start();
 * }
 * }</pre>
 */
public final class Browsers implements AutoCloseable {

    private final ClientEnvironment environment;
    private final List<BrowserClient> browsers;

    private Browsers(ClientEnvironment environment, List<BrowserClient> browsers) {
        this.environment = environment;
        this.browsers = List.copyOf(browsers);
    }

    /** {@code count} browsers numbered from 0 ({@link #open(ClientEnvironment.Options, Mode, List, Map)}). */
    public static Browsers open(ClientEnvironment.Options options, Mode mode, int count,
                                Map<String, String> requestHeaders) throws Exception {
        return open(options, mode, java.util.stream.IntStream.range(0, count).boxed().toList(), requestHeaders);
    }

    /**
     * Browsers with these run-wide indexes (a shard's: {@link RunConfig#shardBrowsers}), which give
     * each its source address ({@link ClientEnvironment#bindAddress}), so that two shards on one
     * machine never share one; when one cannot be made, those made so far and the environment are
     * closed before the failure is thrown.
     */
    public static Browsers open(ClientEnvironment.Options options, Mode mode, List<Integer> indexes,
                                Map<String, String> requestHeaders) throws Exception {
        ClientEnvironment environment = new ClientEnvironment(options);
        List<BrowserClient> made = new ArrayList<>();
        try {
            for (int index : indexes) {
                BrowserClient browser = mode.newClient(environment, index);
                made.add(browser);
                browser.requestHeaders(requestHeaders);
            }
        } catch (Exception | Error e) {
            new Browsers(environment, made).close();
            throw e;
        }
        return new Browsers(environment, made);
    }

    /** The browsers, in their order. */
    public List<BrowserClient> list() {
        return browsers;
    }

    @Override
    public void close() {
        try {
            for (BrowserClient browser : browsers) {
                browser.close();
            }
        } finally {
            environment.close();
        }
    }
}
