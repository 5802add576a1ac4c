package io.muxbench.driver.mode;

import io.muxbench.driver.transport.Alpn;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.BrowserClients;
import io.muxbench.driver.transport.ClientEnvironment;
import io.muxbench.driver.transport.QuicLibrary;
import io.muxbench.vocabulary.ModeDescription;
import io.muxbench.vocabulary.TlsVersion;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The modes muxbench ships: each says, in its own constant, all there is to know about it. */
public enum BuiltInMode implements Mode {
    /** HTTP/1.1, up to 6 connections per browser and origin, one request at a time on each. */
    H1(ModeDescription.H1, Alpn.HTTP_1_1) {
        @Override
        public BrowserClient newClient(ClientEnvironment environment, int browserIndex) throws Exception {
            return BrowserClients.http1(environment, browserIndex, environment.options().h1Connections());
        }

        @Override
        public ChromiumSettings chromium(boolean tls) {
            return new ChromiumSettings(false, Alpn.HTTP_1_1, "HTTP/1.1", 6, false);
        }
    },
    /** HTTP/1.1 with pipelining: requests written back to back, answered in order. */
    H1_PIPELINED(ModeDescription.H1_PIPELINED, Alpn.HTTP_1_1) {
        @Override
        public BrowserClient newClient(ClientEnvironment environment, int browserIndex) throws Exception {
            return BrowserClients.http1Pipelined(environment, browserIndex);
        }

        @Override
        public ChromiumSettings chromium(boolean tls) {
            return null;
        }

        @Override
        public String whyNoChromium(boolean tls) {
            return "(Chromium does not pipeline)";
        }
    },
    /** HTTP/2: one connection, many concurrent streams. */
    H2(ModeDescription.H2, Alpn.H2) {
        @Override
        public BrowserClient newClient(ClientEnvironment environment, int browserIndex) throws Exception {
            return BrowserClients.http2(environment, browserIndex);
        }

        @Override
        public ChromiumSettings chromium(boolean tls) {
            return tls ? new ChromiumSettings(true, Alpn.H2, "HTTP/2.0", 1, true) : null;
        }

        @Override
        public String whyNoChromium(boolean tls) {
            return "in cleartext (Chromium speaks h2 only over TLS)";
        }
    },
    /** HTTP/3: one QUIC connection, many concurrent streams, TLS 1.3 inside QUIC. */
    H3(ModeDescription.H3, Alpn.H3) {
        @Override
        public BrowserClient newClient(ClientEnvironment environment, int browserIndex) throws Exception {
            return BrowserClients.http3(environment, browserIndex);
        }

        @Override
        public ChromiumSettings chromium(boolean tls) {
            return tls ? ChromiumSettings.overQuic(Alpn.H3, "HTTP/3") : null;
        }

        @Override
        public String whyNoChromium(boolean tls) {
            return "in cleartext (QUIC always encrypts)";
        }

        @Override
        public String whyUnavailable(boolean tls) {
            return tls ? QuicLibrary.whyUnavailable() : "needs TLS (QUIC has no cleartext form)";
        }

        @Override
        public String whyNot(TlsVersion version) {
            return version == null || version == TlsVersion.V1_3 ? null : "is QUIC, always TLS 1.3";
        }

        @Override
        public String whyNoCeiling() {
            return "(h2load cannot speak HTTP/3)";
        }
    };

    private final ModeDescription description;
    private final String alpn;

    BuiltInMode(ModeDescription description, String alpn) {
        this.description = description;
        this.alpn = alpn;
    }

    @Override
    public ModeDescription description() {
        return description;
    }

    @Override
    public String alpn() {
        return alpn;
    }

    static Mode of(String id) {
        for (BuiltInMode mode : values()) {
            if (mode.id().equalsIgnoreCase(id.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + id + "'; modes: "
                + Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id();
    }
}
