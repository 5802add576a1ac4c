package io.muxbench.driver.origin;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Valid 1x1 images padded to an exact size, so a browser decodes them: PNG with a {@code tEXt}
 * chunk, JPEG with {@code COM} segments, SVG with an XML comment, GIF and WebP with trailing bytes
 * after the image (decoders stop at the image's end). A size smaller than the format's smallest
 * image gives null: the caller serves filler bytes instead (a broken image, which breaks no page).
 */
final class Images {

    static {
        // ImageIO's file cache registers a shutdown hook on first use, which fails with "Shutdown in
        // progress" when Ctrl-C lands while the origin starts. Images are tiny and made in memory.
        ImageIO.setUseCache(false);
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    private static final byte[] JPEG = encode("jpeg");
    private static final byte[] GIF = encode("gif");
    private static final byte[] PNG_IHDR = chunk("IHDR", new byte[]{0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
    private static final byte[] PNG_IDAT = chunk("IDAT", deflate(new byte[]{0, 0}));
    private static final byte[] PNG_IEND = chunk("IEND", new byte[0]);
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>";
    private static final byte[] TEXT_KEY = "Comment\0".getBytes(StandardCharsets.ISO_8859_1);

    private Images() {
    }

    /** The image of {@code contentType} of exactly {@code size} bytes, or null when the type is unknown or the size too small. */
    static byte[] of(String contentType, int size) {
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("image/png")) {
            return png(size);
        } else if (type.startsWith("image/jpeg") || type.startsWith("image/jpg")) {
            return jpeg(size);
        } else if (type.startsWith("image/gif")) {
            return trailing(GIF, size);
        } else if (type.startsWith("image/webp")) {
            return trailing(WEBP, size);
        } else if (type.startsWith("image/svg")) {
            return Filler.wrap(SVG.getBytes(StandardCharsets.UTF_8), size, "<!--", "-->");
        }
        return null;
    }

    private static byte[] png(int size) {
        int base = PNG_SIGNATURE.length + PNG_IHDR.length + PNG_IDAT.length + PNG_IEND.length;
        int gap = size - base;
        int overhead = 12 + TEXT_KEY.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 0));
        if (gap < 0) {
            return null;
        }
        out.writeBytes(PNG_SIGNATURE);
        out.writeBytes(PNG_IHDR);
        if (gap >= overhead) {
            byte[] text = new byte[gap - 12];
            System.arraycopy(TEXT_KEY, 0, text, 0, TEXT_KEY.length);
            Filler.letters(text, TEXT_KEY.length, text.length - TEXT_KEY.length);
            out.writeBytes(chunk("tEXt", text));
            gap = 0;
        }
        out.writeBytes(PNG_IDAT);
        out.writeBytes(PNG_IEND);
        byte[] tail = new byte[gap];
        Filler.letters(tail, 0, gap);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private static byte[] jpeg(int size) {
        int gap = size - JPEG.length;
        if (gap < 0) {
            return null;
        }
        byte[] out = new byte[size];
        out[0] = JPEG[0];
        out[1] = JPEG[1];
        int at = 2;
        while (gap >= 4) {
            int data = Math.min(gap - 4, 65533);
            if (gap - 4 - data > 0 && gap - 4 - data < 4) {
                data -= 4; // leave room for one more whole segment
            }
            out[at] = (byte) 0xFF;
            out[at + 1] = (byte) 0xFE;
            out[at + 2] = (byte) ((data + 2) >>> 8);
            out[at + 3] = (byte) (data + 2);
            Filler.letters(out, at + 4, data);
            at += 4 + data;
            gap -= 4 + data;
        }
        System.arraycopy(JPEG, 2, out, at, JPEG.length - 2);
        Filler.letters(out, at + JPEG.length - 2, gap);
        return out;
    }

    private static byte[] trailing(byte[] image, int size) {
        if (size < image.length) {
            return null;
        }
        byte[] out = java.util.Arrays.copyOf(image, size);
        Filler.letters(out, image.length, size - image.length);
        return out;
    }

    private static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] out = new byte[12 + data.length];
        int length = data.length;
        out[0] = (byte) (length >>> 24);
        out[1] = (byte) (length >>> 16);
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, out, 4, 4);
        System.arraycopy(data, 0, out, 8, length);
        CRC32 crc = new CRC32();
        crc.update(out, 4, 4 + length);
        long value = crc.getValue();
        out[8 + length] = (byte) (value >>> 24);
        out[9 + length] = (byte) (value >>> 16);
        out[10 + length] = (byte) (value >>> 8);
        out[11 + length] = (byte) value;
        return out;
    }

    private static byte[] deflate(byte[] raw) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
        deflater.setInput(raw);
        deflater.finish();
        byte[] buffer = new byte[64];
        int n = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, n);
    }
}
