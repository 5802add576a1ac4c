package io.muxbench.scenario;

/**
 * The hosts a resource may name ({@link Resource#host()}): a lower-case DNS name of letter-digit-hyphen
 * labels whose last label starts with a letter, with an optional {@code :port} of 1 to 65535. The
 * embedded origin serves every host on one pair of ports and tells them apart by TLS SNI and
 * Host/:authority, so the name must be one that SNI and both headers carry unchanged; IP literals
 * (SNI cannot carry them) and {@code localhost} are refused.
 *
 * <pre>{@code
 * Authority.problem("cdn.example:8443");   // null: valid
 * Authority.problem("127.0.0.1");          // "must be a DNS name, not an IP address, ..."
 * }</pre>
 */
public final class Authority {

    /** Longest DNS name (RFC 1035), without the port. */
    public static final int MAX_NAME_LENGTH = 253;

    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private Authority() {
    }

    /** Why {@code host} is not a valid authority (a phrase that ends with the value); null when it is. */
    public static String problem(String host) {
        String got = ", got " + Messages.quote(host);
        int colon = host.lastIndexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        if (colon >= 0) {
            String port = host.substring(colon + 1);
            if (!port.matches("[1-9][0-9]{0,4}") || Integer.parseInt(port) > 65535) {
                return name.contains(":") || name.startsWith("[")
                        ? "must be a DNS name, not an IP address (SNI cannot name one)" + got
                        : "must have a port of 1 to 65535 after ':'" + got;
            }
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return "must be a DNS name of 1 to " + MAX_NAME_LENGTH + " characters" + got;
        }
        if (name.startsWith("[") || name.matches("[0-9.]+")) {
            return "must be a DNS name, not an IP address (SNI cannot name one)" + got;
        }
        if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
            return "must be lower case" + got;
        }
        if (name.endsWith(".")) {
            return "must not end with '.'" + got;
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "must be dot-separated labels of 1 to 63 letters, digits and inner '-'" + got;
            }
        }
        if (!Character.isLetter(labels[labels.length - 1].charAt(0))) {
            return "must end in a label that starts with a letter (a top-level domain)" + got;
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return "must not be localhost: name the origin under test by leaving host out" + got;
        }
        return null;
    }
}
