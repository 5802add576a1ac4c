package io.muxbench.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;

/**
 * Real browser header sets (from the HAR captures, see {@code browser-headers.txt}) as Jetty
 * {@link MetaData}, the input of the HPACK, QPACK, HTTP/2 frame and HTTP/1.1 benchmarks.
 *
 * <pre>{@code
 * MetaData.Request request = HeaderSet.REQUEST_DOCUMENT.request(HttpVersion.HTTP_2);
 * }</pre>
 */
public enum HeaderSet {
    /** Chrome 71 asking for the www.yahoo.com front page. */
    REQUEST_DOCUMENT,
    /** Chrome 44 asking for a nytimes.com stylesheet. */
    REQUEST_STYLESHEET,
    /** Chrome 62 asking for a JPEG on www.assa.se. */
    REQUEST_IMAGE,
    /** The www.yahoo.com front page response: long security and privacy headers. */
    RESPONSE_DOCUMENT,
    /** The nytimes.com stylesheet response. */
    RESPONSE_STYLESHEET,
    /** The www.assa.se JPEG response. */
    RESPONSE_IMAGE;

    private static final String RESOURCE = "browser-headers.txt";
    private static final Map<String, List<HttpField>> SETS = load();

    /** @return whether this is a request header set */
    public boolean isRequest() {
        return name().startsWith("REQUEST_");
    }

    /**
     * @param version HTTP_2 for HPACK and frames, HTTP_1_1 for the HTTP/1.1 codec (adds Host)
     * @return the request line and headers of this set
     */
    public MetaData.Request request(HttpVersion version) {
        SelfCheck.require(isRequest(), name() + " is not a request header set");
        String authority = pseudo(":authority");
        HttpFields.Mutable fields = HttpFields.build();
        HttpURI uri;
        if (version == HttpVersion.HTTP_2) {
            uri = HttpURI.from(pseudo(":scheme") + "://" + authority + pseudo(":path"));
        } else {
            // Browsers send HTTP/1.1 requests in origin form, the authority in Host.
            uri = HttpURI.from(pseudo(":path"));
            fields.add("host", authority);
        }
        regularFields().forEach(fields::add);
        return new MetaData.Request(pseudo(":method"), uri, version, fields.asImmutable());
    }

    /**
     * @param version HTTP_2 or HTTP_1_1
     * @return the status and headers of this set exactly as captured
     */
    public MetaData.Response response(HttpVersion version) {
        SelfCheck.require(!isRequest(), name() + " is not a response header set");
        HttpFields.Mutable fields = HttpFields.build();
        regularFields().forEach(fields::add);
        return new MetaData.Response(status(), null, version, fields.asImmutable());
    }

    /**
     * @param version HTTP_2 or HTTP_1_1
     * @param contentLength the body length to announce in place of the captured one, or -1 for
     *        none (an HTTP/1.1 chunked body)
     * @return the status and headers of this set with the given content length
     */
    public MetaData.Response response(HttpVersion version, long contentLength) {
        SelfCheck.require(!isRequest(), name() + " is not a response header set");
        HttpFields.Mutable fields = HttpFields.build();
        regularFields().stream().filter(f -> !f.is("content-length")).forEach(fields::add);
        if (contentLength >= 0) {
            fields.add("content-length", Long.toString(contentLength));
        }
        return new MetaData.Response(status(), null, version, fields.asImmutable(), contentLength);
    }

    private int status() {
        return Integer.parseInt(pseudo(":status"));
    }

    /** @return every field as captured, pseudo-headers first, names lower case (HTTP/2 and HTTP/3 order) */
    public List<HttpField> fields() {
        return SETS.get(name());
    }

    /** @return the header fields without pseudo-headers, names lower case, in captured order */
    public List<HttpField> regularFields() {
        return SETS.get(name()).stream().filter(f -> !f.getName().startsWith(":")).toList();
    }

    /**
     * The size of the same header block written as HTTP/1.1 text (start line, Host, fields, the
     * blank line), the baseline that HPACK compression is measured against.
     *
     * @return bytes on the wire for this header set over HTTP/1.1, ISO-8859-1
     */
    public int http1HeaderBytes() {
        int bytes = isRequest()
                ? (pseudo(":method") + " " + pseudo(":path") + " HTTP/1.1\r\nhost: " + pseudo(":authority") + "\r\n").length()
                : ("HTTP/1.1 " + pseudo(":status") + " OK\r\n").length();
        for (HttpField field : regularFields()) {
            bytes += field.getName().length() + 2 + field.getValue().length() + 2;
        }
        return bytes + 2;
    }

    /**
     * @param expected fields as sent
     * @param actual fields as received
     * @return whether both hold the same names (ignoring case) and values in the same order
     */
    public static boolean sameFields(Iterable<HttpField> expected, Iterable<HttpField> actual) {
        return describe(expected).equals(describe(actual));
    }

    /**
     * @param fields header fields
     * @return one "name: value" line per field, names lower case; for failure messages
     */
    public static String describe(Iterable<HttpField> fields) {
        StringBuilder text = new StringBuilder();
        for (HttpField field : fields) {
            text.append(field.getLowerCaseName()).append(": ").append(field.getValue()).append('\n');
        }
        return text.toString();
    }

    private String pseudo(String name) {
        return SETS.get(name()).stream().filter(f -> f.getName().equals(name)).map(HttpField::getValue)
                .findFirst().orElseThrow(() -> new IllegalStateException(name() + " has no " + name));
    }

    private static Map<String, List<HttpField>> load() {
        Map<String, List<HttpField>> sets = new HashMap<>();
        try (InputStream in = HeaderSet.class.getResourceAsStream(RESOURCE)) {
            SelfCheck.require(in != null, "resource " + RESOURCE + " is missing from the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<HttpField> current = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    current = null;
                } else if (line.startsWith("[")) {
                    current = new ArrayList<>();
                    sets.put(line.substring(1, line.indexOf(']')), current);
                } else {
                    int colon = line.indexOf(": ", 1);
                    SelfCheck.require(current != null && colon > 0, RESOURCE + ": stray line '" + line + "'");
                    current.add(new HttpField(line.substring(0, colon), line.substring(colon + 2)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        for (HeaderSet set : values()) {
            SelfCheck.require(sets.containsKey(set.name()), RESOURCE + " has no [" + set.name() + "] section");
        }
        return Map.copyOf(sets);
    }
}
