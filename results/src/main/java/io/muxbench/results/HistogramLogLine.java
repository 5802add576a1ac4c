package io.muxbench.results;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;

/**
 * One interval line of an HdrHistogram log ({@code [Tag=t,]start,length,max,base64}), decoded with
 * bounds: HdrHistogram allocates whatever a histogram's header claims (its range, its payload
 * length), so the header is checked first, and a crafted line is refused rather than allowed to
 * exhaust the heap.
 *
 * @param tag           the interval's tag, or null
 * @param startSeconds  the interval's start, in seconds from the log's base time
 * @param lengthSeconds the interval's length in seconds
 * @param histogram     its histogram
 */
record HistogramLogLine(String tag, double startSeconds, double lengthSeconds, Histogram histogram) {

    /** HdrHistogram's V2 compressed encoding, the one {@code HistogramLogWriter} writes (word size in bits 4-7). */
    private static final int COMPRESSED_COOKIE = 0x1c849304;
    private static final int HEADER_BYTES = 40;
    /** Five digits is HdrHistogram's most; muxbench writes {@link HistogramLogs#DIGITS}. */
    private static final int MAX_DIGITS = 5;
    /** A 3-digit histogram up to an hour needs well under 1 MiB; 16 MiB leaves room and bounds the buffer. */
    private static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

    /** The interval on this line; null for a comment, the legend or a blank line. */
    static HistogramLogLine parse(String line) throws ResultsFormatException {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("\"StartTimestamp\"")) {
            return null;
        }
        String tag = null;
        String rest = line;
        if (line.startsWith("Tag=")) {
            int comma = line.indexOf(',');
            if (comma < 0) {
                throw new ResultsFormatException("a tag without an interval");
            }
            tag = line.substring("Tag=".length(), comma);
            rest = line.substring(comma + 1);
        }
        String[] fields = rest.split(",", -1);
        if (fields.length != 4) {
            throw new ResultsFormatException("expected start,length,max,histogram; found " + fields.length + " field(s)");
        }
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(fields[3].trim());
        } catch (IllegalArgumentException e) {
            throw new ResultsFormatException("the histogram is not base64");
        }
        double start;
        double length;
        try {
            start = Double.parseDouble(fields[0].trim());
            length = Double.parseDouble(fields[1].trim());
        } catch (NumberFormatException e) {
            throw new ResultsFormatException("the interval's start or length is not a number");
        }
        if (!Double.isFinite(start) || !Double.isFinite(length)) {
            throw new ResultsFormatException("the interval's start or length is not finite");
        }
        return new HistogramLogLine(tag, start, length, decode(encoded));
    }

    private static Histogram decode(byte[] encoded) throws ResultsFormatException {
        ByteBuffer buffer = ByteBuffer.wrap(encoded).order(ByteOrder.BIG_ENDIAN);
        if (encoded.length < 8 || (buffer.getInt(0) & ~0xf0) != COMPRESSED_COOKIE) {
            throw new ResultsFormatException("not a compressed HdrHistogram (V2)");
        }
        int compressedBytes = buffer.getInt(4);
        if (compressedBytes < 0 || compressedBytes > encoded.length - 8) {
            throw new ResultsFormatException("the histogram claims " + compressedBytes + " compressed bytes but has "
                    + (encoded.length - 8));
        }
        checkHeader(header(encoded, compressedBytes));
        try {
            return Histogram.decodeFromCompressedByteBuffer(buffer, 0);
        } catch (DataFormatException e) {
            throw new ResultsFormatException("the histogram does not inflate: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new ResultsFormatException("the histogram does not decode ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    private static ByteBuffer header(byte[] encoded, int compressedBytes) throws ResultsFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(encoded, 8, compressedBytes);
            byte[] header = new byte[HEADER_BYTES];
            int n = inflater.inflate(header);
            if (n < HEADER_BYTES) {
                throw new ResultsFormatException("the histogram's header is cut short");
            }
            return ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
        } catch (DataFormatException e) {
            throw new ResultsFormatException("the histogram does not inflate: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    // Header: cookie, payload length, normalizing offset, digits, lowest unit, highest value, ratio.
    private static void checkHeader(ByteBuffer header) throws ResultsFormatException {
        int payloadBytes = header.getInt(4);
        int digits = header.getInt(12);
        long lowest = header.getLong(16);
        long highest = header.getLong(24);
        if (payloadBytes < 0 || payloadBytes > MAX_PAYLOAD_BYTES) {
            throw new ResultsFormatException("the histogram claims a payload of " + payloadBytes + " bytes (at most "
                    + MAX_PAYLOAD_BYTES + ")");
        }
        if (digits < 0 || digits > MAX_DIGITS) {
            throw new ResultsFormatException("the histogram claims " + digits + " significant digits (at most "
                    + MAX_DIGITS + ")");
        }
        if (lowest < 1 || highest < 2 * lowest) {
            throw new ResultsFormatException("the histogram claims an impossible range [" + lowest + ", " + highest + "]");
        }
    }
}
