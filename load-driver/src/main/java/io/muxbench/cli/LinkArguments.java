package io.muxbench.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The links of {@code run --link}: each flag holds one link or a list. An explicit spec holds
 * commas itself ({@code rtt=100ms,down=8mbit,up=2mbit,loss=1%}), so a list is separated by
 * {@code ;}, which no spec contains; a comma list works too as long as it can be read only one
 * way: a bare name ({@code lan}) starts a new link, a {@code key=value} part joins the explicit
 * spec before it unless that spec already has the key.
 *
 * <pre>{@code
 * LinkArguments.split(List.of("lan,cable,3g"));                          // [lan, cable, 3g]
 * LinkArguments.split(List.of("rtt=100ms,down=8mbit,up=2mbit", "3g"));   // [rtt=100ms,down=8mbit,up=2mbit, 3g]
 * LinkArguments.split(List.of("rtt=5ms,down=1mbit;rtt=50ms,down=1mbit")); // two explicit links
 * }</pre>
 */
final class LinkArguments {

    private LinkArguments() {
    }

    /** The links the flags' values name, in order. */
    static List<String> split(List<String> values) {
        List<String> links = new ArrayList<>();
        for (String value : values) {
            for (String item : value.split(";", -1)) {
                splitCommas(item, links);
            }
        }
        return links;
    }

    private static void splitCommas(String item, List<String> links) {
        if (item.isBlank()) {
            links.add(item); // refused later as an empty link spec
            return;
        }
        StringBuilder spec = null;
        Set<String> keys = new LinkedHashSet<>();
        for (String part : item.split(",", -1)) {
            String trimmed = part.trim();
            int equals = trimmed.indexOf('=');
            String key = equals < 0 ? null : trimmed.substring(0, equals).trim();
            if (key != null && spec != null && keys.add(key)) {
                spec.append(',').append(trimmed);
                continue;
            }
            if (spec != null) {
                links.add(spec.toString());
                spec = null;
            }
            if (key == null) {
                links.add(trimmed);
            } else {
                keys.clear();
                keys.add(key);
                spec = new StringBuilder(trimmed);
            }
        }
        if (spec != null) {
            links.add(spec.toString());
        }
    }
}
