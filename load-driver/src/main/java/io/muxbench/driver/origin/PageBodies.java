package io.muxbench.driver.origin;

import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies that make a scenario a real page, generated once per scenario and cached per path:
 * the document is HTML whose elements reference exactly its children, stylesheets reference theirs
 * with {@code @import} and {@code url(...)}, scripts write theirs into the document, images are
 * valid images (see {@link Images}), and every body keeps exactly its declared size, padded with
 * comments. So a browser that loads the document fetches the same tree the driver does.
 *
 * <p>Elements by type, chosen so that Chromium fetches each child exactly once and holds the load
 * event until it is complete: stylesheet {@code <link rel=stylesheet>}, script {@code <script src>},
 * image {@code <img>}, HTML {@code <iframe>}, font an inline {@code @font-face} used by a
 * {@code <span>}, anything else (JSON, video, ...) an {@code <img data-mb=other>} that does not
 * decode ({@code <link rel=preload as=fetch>} and {@code fetch()} do not hold the load event, so
 * the browser's page-load time would leave them out). A stylesheet's fonts are used by an {@code @font-face} rule and an element
 * of the top document with that font; its images are the background of an element of the top
 * document. Children of images, fonts and other leaves cannot be referenced: they are listed in
 * {@link #unreachable()} (the driver still fetches them; a browser will not).
 *
 * <pre>{@code
 * PageBodies bodies = PageBodies.of(scenario);   // bodies.problems(): what a browser could not load
 * ByteBuffer body = bodies.body("/index.html");  // null: serve the plain pattern
 * }</pre>
 */
public final class PageBodies {

    /** Larger bodies are not generated: they are served from the plain pattern. */
    static final int MAX_GENERATED = 16 << 20;

    enum Kind { HTML, CSS, JS, IMAGE, FONT, OTHER }

    private final Map<String, ByteBuffer> bodies = new HashMap<>();
    private final List<String> unreachable = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<Resource, Integer> ids = new IdentityHashMap<>();
    private final StringBuilder hooks = new StringBuilder();
    private final String scenarioName;

    private PageBodies(Scenario scenario) {
        this.scenarioName = scenario.name();
        scenario.root().forEach(r -> ids.put(r, ids.size()));
        collectHooks(scenario.root());
        build(scenario.root(), true);
    }

    /**
     * Generates every body of the scenario. A document, stylesheet or script smaller than the markup
     * that references its children is served from the plain pattern instead and named in
     * {@link #problems()}: the driver does not care, a browser would not fetch the same tree.
     */
    public static PageBodies of(Scenario scenario) {
        return new PageBodies(scenario);
    }

    /** The body of {@code path} as a fresh read-only view, or null when it is served from the plain pattern. */
    public ByteBuffer body(String path) {
        ByteBuffer body = bodies.get(path);
        return body == null ? null : body.duplicate();
    }

    /** One line per resource too small to hold the markup referencing its children; empty when a browser can load the page. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Paths a browser will not fetch (children of leaves, resources of other hosts); the driver does. */
    public List<String> unreachable() {
        return List.copyOf(unreachable);
    }

    static Kind kind(Resource resource) {
        String type = resource.contentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
            return Kind.HTML;
        } else if (type.startsWith("text/css")) {
            return Kind.CSS;
        } else if (type.contains("javascript") || type.contains("ecmascript")) {
            return Kind.JS;
        } else if (type.startsWith("image/")) {
            return Kind.IMAGE;
        } else if (type.startsWith("font/") || type.contains("font-") || type.contains("woff") || type.contains("opentype")
                || type.contains("truetype")) {
            return Kind.FONT;
        }
        return Kind.OTHER;
    }

    /** The elements of the top document that a stylesheet's fonts and images need to apply to. */
    private void collectHooks(Resource resource) {
        for (Resource child : resource.children()) {
            if (kind(resource) == Kind.CSS && child.host() == null && kind(child) != Kind.CSS) {
                hooks.append(kind(child) == Kind.FONT
                        ? "<span class=\"mb" + ids.get(child) + "\">a</span>\n"
                        : "<div class=\"mb" + ids.get(child) + "\" style=\"width:1px;height:1px\"></div>\n");
            }
            collectHooks(child);
        }
    }

    private void build(Resource resource, boolean top) {
        Kind kind = kind(resource);
        List<Resource> children = new ArrayList<>();
        for (Resource child : resource.children()) {
            if (child.host() != null) {
                child.forEach(r -> unreachable.add(r.path()));
            } else if (kind == Kind.IMAGE || kind == Kind.FONT || kind == Kind.OTHER) {
                child.forEach(r -> unreachable.add(r.path()));
            } else {
                children.add(child);
                build(child, false);
            }
        }
        if (resource.size() > MAX_GENERATED) {
            if (!children.isEmpty()) {
                problems.add("scenario " + scenarioName + ": " + resource.path() + " is larger than " + MAX_GENERATED
                        + " bytes and has children; the origin generates markup only up to that size");
            }
            return;
        }
        int size = (int) resource.size();
        byte[] body = switch (kind) {
            case HTML -> need(resource, Filler.wrap(utf8(document(children, top)), size, "<!--", "-->"), children);
            case CSS -> need(resource, Filler.wrap(utf8(stylesheet(children)), size, "/*", "*/"), children);
            case JS -> need(resource, Filler.wrap(utf8(script(children)), size, "/*", "*/"), children);
            case IMAGE -> Images.of(resource.contentType(), size);
            case OTHER -> resource.contentType().contains("json") ? json(size) : null;
            case FONT -> null;
        };
        if (body != null) {
            bodies.put(resource.path(), ByteBuffer.wrap(body).asReadOnlyBuffer());
        }
    }

    private byte[] need(Resource resource, byte[] body, List<Resource> children) {
        if (body == null) {
            int needed = utf8(kind(resource) == Kind.HTML ? document(children, false) : kind(resource) == Kind.CSS
                    ? stylesheet(children) : script(children)).length;
            problems.add("scenario " + scenarioName + ": " + resource.path() + " is " + resource.size()
                    + " bytes, too small for the markup that references its " + children.size() + " children (at least "
                    + needed + " bytes)");
        }
        return body;
    }

    private String document(List<Resource> children, boolean top) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<link rel=\"icon\" href=\"data:,\"><title>muxbench</title></head>\n<body>\n");
        if (top) {
            html.append(hooks);
        }
        for (Resource child : children) {
            html.append(element(child)).append('\n');
        }
        return html.append("</body></html>\n").toString();
    }

    private String element(Resource child) {
        String href = attribute(child.path());
        String name = "mb" + ids.get(child);
        return switch (kind(child)) {
            case CSS -> "<link rel=\"stylesheet\" href=\"" + href + "\">";
            case JS -> "<script src=\"" + href + "\"></script>";
            case IMAGE -> "<img src=\"" + href + "\" width=\"1\" height=\"1\" alt=\"\">";
            case HTML -> "<iframe src=\"" + href + "\" width=\"1\" height=\"1\"></iframe>";
            // A font loads when text uses it; a preload would not hold the load event.
            case FONT -> "<style>@font-face{font-family:\"" + name + "\";src:url(\"" + cssString(child.path())
                    + "\")}</style><span style=\"font-family:" + name + "\">a</span>";
            // An image element holds the load event until the response is complete (a preload or fetch()
            // would not); it does not decode, which breaks nothing.
            case OTHER -> "<img src=\"" + href + "\" data-mb=\"other\" width=\"1\" height=\"1\" alt=\"\">";
        };
    }

    private String stylesheet(List<Resource> children) {
        StringBuilder css = new StringBuilder();
        for (Resource child : children) {
            if (kind(child) == Kind.CSS) {
                css.append("@import url(\"").append(cssString(child.path())).append("\");\n");
            }
        }
        for (Resource child : children) {
            String name = "mb" + ids.get(child);
            String url = "url(\"" + cssString(child.path()) + "\")";
            if (kind(child) == Kind.FONT) {
                css.append("@font-face{font-family:\"").append(name).append("\";src:").append(url).append("}\n.")
                        .append(name).append("{font-family:\"").append(name).append("\"}\n");
            } else if (kind(child) != Kind.CSS) {
                css.append('.').append(name).append("{background-image:").append(url).append("}\n");
            }
        }
        return css.toString();
    }

    private String script(List<Resource> children) {
        if (children.isEmpty()) {
            return "";
        }
        StringBuilder markup = new StringBuilder();
        for (Resource child : children) {
            markup.append(element(child));
        }
        return "document.write(\"" + markup.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\");\n";
    }

    private static byte[] json(int size) {
        if (size >= 10) {
            return Filler.wrap(new byte[0], size, "{\"pad\":\"", "\"}");
        }
        byte[] out = java.util.Arrays.copyOf(utf8(size == 1 ? "0" : "{}"), size);
        java.util.Arrays.fill(out, Math.min(size, 2), size, (byte) ' ');
        return out;
    }

    private static String attribute(String path) {
        return path.replace("&", "&amp;").replace("\"", "&quot;");
    }

    private static String cssString(String path) {
        return path.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
