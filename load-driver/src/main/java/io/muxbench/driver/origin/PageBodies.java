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
 * document. Children that their parent cannot name (children of images, fonts and other leaves, and
 * of a document, stylesheet or script too small for the markup) are named by the top document
 * instead and listed in {@link #hoisted()}: a browser fetches every resource the driver does, those
 * few earlier than the driver (which waits for their parent).
 *
 * <p>A redirect (a 3xx with a {@code location} and one child, as the HAR importer makes them) has
 * no body: what references it uses the element its target needs, the browser follows the location,
 * and the target is built in its place (a redirecting root's target is the top document).
 *
 * <p>A child on another host than its parent is referenced by a network-path URL,
 * {@code //host[:port]/path}, so the browser keeps the page's scheme; a child on the origin under
 * test referenced from another host uses {@link #MAIN_HOST}, which a browser must map to the origin.
 *
 * <p>Nothing is held whole that grows with the page's bytes: documents, stylesheets, scripts and
 * JSON keep only their markup and are padded as they are written ({@link Body#slice}); images are
 * generated whole, up to a byte budget for the whole page ({@link #DEFAULT_BUDGET_BYTES}), and the
 * images beyond it are served from the plain pattern (not a valid image: a browser shows it broken,
 * which holds the load event all the same).
 *
 * <pre>{@code
 * PageBodies bodies = PageBodies.of(scenario);   // bodies.problems(): what a browser could not load
 * ByteBuffer body = bodies.body("/index.html");  // null: serve the plain pattern
 * }</pre>
 */
public final class PageBodies {

    /** Bytes of generated images a page may hold; images beyond it are served from the plain pattern. */
    public static final long DEFAULT_BUDGET_BYTES = 32L << 20;
    /**
     * The name under which pages on several hosts reference the origin under test from another host
     * ({@code .test} is reserved for testing, RFC 6761); a browser maps it to the origin.
     */
    public static final String MAIN_HOST = io.muxbench.scenario.Scenario.MAIN_HOST;

    enum Kind { HTML, CSS, JS, IMAGE, FONT, OTHER }

    /** A generated body, written slice by slice. */
    public interface Body {
        /** At most {@code max} bytes from {@code offset}, at least one while {@code offset} is within the body. */
        ByteBuffer slice(long offset, long max);
    }

    private final Map<String, Body> bodies = new HashMap<>();
    private final long budgetBytes;
    private long retainedBytes;
    /** Resources the top document names because their parent cannot. */
    private final List<Resource> hoisted = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<Resource, Integer> ids = new IdentityHashMap<>();
    private final StringBuilder hooks = new StringBuilder();
    private final String scenarioName;
    private final boolean severalHosts;

    private PageBodies(Scenario scenario, long budgetBytes) {
        this.scenarioName = scenario.name();
        this.severalHosts = !scenario.hosts().isEmpty();
        this.budgetBytes = budgetBytes;
        scenario.root().forEach(r -> ids.put(r, ids.size()));
        if (scenario.hosts().contains(MAIN_HOST)) {
            problems.add("scenario " + scenarioName + ": its host " + MAIN_HOST
                    + " is the name browsers use for the origin under test");
        }
        collectHooks(scenario.root());
        build(scenario.root(), true);
    }

    /**
     * Generates every body of the scenario. A document, stylesheet or script smaller than the markup
     * that references its children is served from the plain pattern, and the top document names its
     * children instead ({@link #hoisted()}); a top document too small for that is named in
     * {@link #problems()}: the driver does not care, a browser would not fetch the same tree.
     */
    public static PageBodies of(Scenario scenario) {
        return new PageBodies(scenario, DEFAULT_BUDGET_BYTES);
    }

    /** As {@link #of(Scenario)}, holding at most {@code budgetBytes} of generated images. */
    static PageBodies of(Scenario scenario, long budgetBytes) {
        return new PageBodies(scenario, budgetBytes);
    }

    /** The generated body of {@code path} on {@code host} (null: the origin under test), or null for the plain pattern. */
    public Body generated(String host, String path) {
        return bodies.get(Answers.route(host, path));
    }

    /**
     * The whole body of {@code path} on the origin under test, or null when it is served from the plain
     * pattern; for tests and small bodies, as it is built on every call.
     */
    public ByteBuffer body(String path) {
        return body(null, path);
    }

    /** As {@link #body(String)}, on {@code host}. */
    public ByteBuffer body(String host, String path) {
        Body body = generated(host, path);
        if (body == null) {
            return null;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (ByteBuffer slice = body.slice(0, Bodies.CHUNK); slice.hasRemaining(); ) {
            byte[] bytes = new byte[slice.remaining()];
            slice.get(bytes);
            out.writeBytes(bytes);
            slice = body.slice(out.size(), Bodies.CHUNK);
        }
        return ByteBuffer.wrap(out.toByteArray()).asReadOnlyBuffer();
    }

    /** The bytes this page's bodies hold: markup and images, never padding. */
    public long retainedBytes() {
        return retainedBytes;
    }

    /** One line if the top document is too small to hold the markup referencing its children; empty when a browser can load the page. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Paths the top document names because their parent cannot (a leaf, or a parent too small for
     * the markup): a browser finds them before their parent has arrived, the driver after.
     */
    public List<String> hoisted() {
        return hoisted.stream().map(Resource::path).toList();
    }

    /**
     * Whether a browser reaches {@code resource}'s one child by following its {@code location}: an
     * imported redirect. It gets no body of its own; what references it uses its target's element.
     */
    static boolean redirect(Resource resource) {
        return resource.status() >= 300 && resource.status() < 400 && resource.children().size() == 1
                && resource.headers().keySet().stream().anyMatch(name -> name.equalsIgnoreCase("location"));
    }

    /** Where a chain of redirects ends: the resource itself when it is no redirect. */
    static Resource landing(Resource resource) {
        Resource at = resource;
        while (redirect(at)) {
            at = at.children().get(0);
        }
        return at;
    }

    /** The kind of what a browser gets for {@code resource}, after any redirects. */
    static Kind kind(Resource resource) {
        resource = landing(resource);
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
            if (kind(resource) == Kind.CSS && kind(child) != Kind.CSS) {
                hooks.append(kind(child) == Kind.FONT
                        ? "<span class=\"mb" + ids.get(child) + "\">a</span>\n"
                        : "<div class=\"mb" + ids.get(child) + "\" style=\"width:1px;height:1px\"></div>\n");
            }
            collectHooks(child);
        }
    }

    private void build(Resource resource, boolean top) {
        if (redirect(resource)) {
            // Its target stands in its place (the top document, if it is the root): the browser follows
            // the location, and the redirect's own body is never looked at.
            build(resource.children().get(0), top);
            return;
        }
        Kind kind = kind(resource);
        List<Resource> children = new ArrayList<>();
        for (Resource child : resource.children()) {
            if (kind == Kind.IMAGE || kind == Kind.FONT || kind == Kind.OTHER) {
                hoisted.add(child);
            } else {
                children.add(child);
            }
            build(child, false);
        }
        if (top) {
            // Built last (after every descendant), so every resource another could not name is known.
            children.addAll(hoisted);
        }
        String host = resource.host();
        long size = resource.size();
        Body body = switch (kind) {
            case HTML -> need(resource, Padded.of(utf8(document(host, children, top)), size, "<!--", "-->"), children, top);
            case CSS -> need(resource, Padded.of(utf8(stylesheet(host, children)), size, "/*", "*/"), children, top);
            case JS -> need(resource, Padded.of(utf8(script(host, children)), size, "/*", "*/"), children, top);
            case IMAGE -> image(resource);
            case OTHER -> resource.contentType().contains("json") ? json(size) : null;
            case FONT -> null;
        };
        if (body != null) {
            bodies.put(Answers.route(host, resource.path()), body);
        }
    }

    /** The image whole while the budget lasts, else null (the plain pattern). */
    private Body image(Resource resource) {
        if (resource.size() > budgetBytes - retainedBytes) {
            return null;
        }
        byte[] image = Images.of(resource.contentType(), (int) resource.size());
        if (image == null) {
            return null;
        }
        retainedBytes += image.length;
        ByteBuffer whole = ByteBuffer.wrap(image).asReadOnlyBuffer();
        return (offset, max) -> whole.slice((int) Math.min(offset, image.length), (int) Math.min(max, image.length - Math.min(offset, image.length)));
    }

    private Body need(Resource resource, Padded body, List<Resource> children, boolean top) {
        if (body == null && children.isEmpty()) {
            return null; // nothing to reference: the plain pattern loads as well (an empty frame, say)
        }
        if (body == null && !top) {
            hoisted.addAll(children); // the top document names them; this one is served from the pattern
            return null;
        }
        if (body == null) {
            String host = resource.host();
            int needed = utf8(kind(resource) == Kind.HTML ? document(host, children, true) : kind(resource) == Kind.CSS
                    ? stylesheet(host, children) : script(host, children)).length;
            problems.add("scenario " + scenarioName + ": " + resource.path() + " is " + resource.size()
                    + " bytes, too small for the markup that references its " + children.size() + " children (at least "
                    + needed + " bytes)");
            return null;
        }
        retainedBytes += body.content().length;
        return body;
    }

    private String document(String host, List<Resource> children, boolean top) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<link rel=\"icon\" href=\"data:,\"><title>muxbench</title></head>\n<body>\n");
        if (top) {
            html.append(hooks);
        }
        for (Resource child : children) {
            html.append(element(host, child)).append('\n');
        }
        return html.append("</body></html>\n").toString();
    }

    /** A host no resource has: {@link #reference} from it always names the child's host. */
    private static final String NO_HOST_IN_COMMON = "";

    /** How a resource on {@code host} refers to {@code child}: its path on the same host, else a network-path URL. */
    private static String reference(String host, Resource child) {
        if (java.util.Objects.equals(host, child.host())) {
            return child.path();
        }
        return "//" + (child.host() == null ? MAIN_HOST : child.host()) + child.path();
    }

    private String element(String host, Resource child) {
        String url = reference(host, child);
        String href = attribute(url);
        String name = "mb" + ids.get(child);
        return switch (kind(child)) {
            case CSS -> "<link rel=\"stylesheet\" href=\"" + href + "\">";
            case JS -> "<script src=\"" + href + "\"></script>";
            // An image served from the plain pattern (too small for its format, an unknown type, past
            // the budget) does not decode: marked, so the browser's check does not count it as broken.
            case IMAGE -> "<img src=\"" + href + "\"" + (generated(landing(child).host(), landing(child).path()) == null
                    ? " data-mb=\"other\"" : "")
                    + " width=\"1\" height=\"1\" alt=\"\">";
            case HTML -> "<iframe src=\"" + href + "\" width=\"1\" height=\"1\"></iframe>";
            // A font loads when text uses it; a preload would not hold the load event.
            case FONT -> "<style>@font-face{font-family:\"" + name + "\";src:url(\"" + cssString(url)
                    + "\")}</style><span style=\"font-family:" + name + "\">a</span>";
            // An image element holds the load event until the response is complete (a preload or fetch()
            // would not); it does not decode, which breaks nothing.
            // JSON or XML from another host, a frame: Chromium's opaque-response blocking stops them when
            // an image element fetches them across origins (a frame would abort a download or a 204).
            case OTHER -> url.startsWith("//") && blockedAcrossOrigins(landing(child))
                    ? "<iframe src=\"" + href + "\" data-mb=\"other\" width=\"1\" height=\"1\"></iframe>"
                    : "<img src=\"" + href + "\" data-mb=\"other\" width=\"1\" height=\"1\" alt=\"\">";
        };
    }

    private static boolean blockedAcrossOrigins(Resource resource) {
        String type = resource.contentType().toLowerCase(java.util.Locale.ROOT);
        return type.contains("json") || type.contains("xml");
    }

    private String stylesheet(String host, List<Resource> children) {
        StringBuilder css = new StringBuilder();
        for (Resource child : children) {
            if (kind(child) == Kind.CSS) {
                css.append("@import url(\"").append(cssString(reference(host, child))).append("\");\n");
            }
        }
        for (Resource child : children) {
            String name = "mb" + ids.get(child);
            String url = "url(\"" + cssString(reference(host, child)) + "\")";
            if (kind(child) == Kind.FONT) {
                css.append("@font-face{font-family:\"").append(name).append("\";src:").append(url).append("}\n.")
                        .append(name).append("{font-family:\"").append(name).append("\"}\n");
            } else if (kind(child) != Kind.CSS) {
                css.append('.').append(name).append("{background-image:").append(url).append("}\n");
            }
        }
        return css.toString();
    }

    private String script(String host, List<Resource> children) {
        if (children.isEmpty()) {
            return "";
        }
        StringBuilder markup = new StringBuilder();
        for (Resource child : children) {
            // What a script writes resolves against the document, not the script: on a page of several
            // hosts, name every child with its host (the document may be on another one).
            markup.append(element(severalHosts ? NO_HOST_IN_COMMON : host, child));
        }
        return "document.write(\"" + markup.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\");\n";
    }

    private Body json(long size) {
        if (size >= 10) {
            return Padded.of(new byte[0], size, "{\"pad\":\"", "\"}");
        }
        byte[] out = java.util.Arrays.copyOf(utf8(size == 1 ? "0" : "{}"), (int) size);
        java.util.Arrays.fill(out, (int) Math.min(size, 2), (int) size, (byte) ' ');
        return Padded.of(out, size, "", "");
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
