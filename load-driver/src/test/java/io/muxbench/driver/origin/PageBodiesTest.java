package io.muxbench.driver.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioLoader;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageBodiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"blog", "image-grid", "fonts-and-styles", "hol-blocking", "big-assets"})
    void everyBodyHasItsDeclaredSizeAndReferencesItsChildren(String name) throws Exception {
        Scenario scenario = ScenarioLoader.resolve(name);
        PageBodies bodies = PageBodies.of(scenario);
        scenario.root().forEach(resource -> {
            ByteBuffer body = bodies.body(resource.path());
            if (body == null) {
                return;
            }
            assertEquals(resource.size(), body.remaining(), resource.path());
            String text = StandardCharsets.ISO_8859_1.decode(body).toString();
            for (Resource child : resource.children()) {
                assertTrue(text.contains(child.path().replace("&", "&amp;") + "\"") || text.contains(child.path() + "\\\""),
                        resource.path() + " references " + child.path());
            }
        });
        assertNotNull(bodies.body(scenario.root().path()));
        assertEquals(List.of(), bodies.hoisted());
        assertEquals(List.of(), bodies.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/png", "image/jpeg", "image/gif"})
    void imagesDecodeAtEverySize(String type) throws Exception {
        for (int size : new int[]{1000, 1001, 1002, 1003, 1004, 1005, 1020, 9_000, 70_000, 65_537 + 400, 200_000}) {
            byte[] image = Images.of(type, size);
            assertEquals(size, image.length, type + " " + size);
            assertNotNull(ImageIO.read(new ByteArrayInputStream(image)), type + " " + size + " decodes");
        }
    }

    @Test
    void aDocumentTooSmallForItsMarkupIsNamedAndServedFromThePattern() {
        Resource child = new Resource("/a.css", 200, "text/css", 10, Map.of(), 0, List.of(), null);
        Resource root = new Resource("/", 200, "text/html", 50, Map.of(), 0, List.of(child), null);
        PageBodies bodies = PageBodies.of(new Scenario(1, "tiny", "", Map.of(), root));
        assertEquals(1, bodies.problems().size());
        assertTrue(bodies.problems().get(0).contains("/ is 50 bytes, too small"), bodies.problems().get(0));
        assertEquals(null, bodies.body("/"));
        assertEquals(10, bodies.body("/a.css").remaining());
    }

    @Test
    void childrenTheirParentCannotNameAreNamedByTheTopDocument() {
        Resource font = new Resource("/f.woff2", 200, "font/woff2", 100, Map.of(), 0, List.of(), null);
        Resource late = new Resource("/late.js", 200, "text/javascript", 10, Map.of(), 0, List.of(), null);
        Resource image = new Resource("/i.png", 200, "image/png", 2000, Map.of(), 0, List.of(late), null);
        Resource deep = new Resource("/d.png", 200, "image/png", 2000, Map.of(), 0, List.of(), null);
        Resource tinyCss = new Resource("/tiny.css", 200, "text/css", 5, Map.of(), 0, List.of(font, deep), null);
        Resource root = new Resource("/", 200, "text/html", 5000, Map.of(), 0, List.of(image, tinyCss), null);
        PageBodies bodies = PageBodies.of(new Scenario(1, "hoist", "", Map.of(), root));

        assertEquals(List.of(), bodies.problems());
        assertEquals(java.util.Set.of("/late.js", "/f.woff2", "/d.png"), java.util.Set.copyOf(bodies.hoisted()));
        String document = StandardCharsets.ISO_8859_1.decode(bodies.body("/")).toString();
        for (String path : List.of("/i.png", "/tiny.css", "/late.js", "/f.woff2", "/d.png")) {
            assertTrue(document.contains("\"" + path + "\""), "the document names " + path);
        }
        assertEquals(null, bodies.body("/tiny.css"), "too small for its markup: the plain pattern");
        assertEquals(5000, bodies.body("/").remaining());
    }

    @Test
    void aRedirectIsReferencedAsWhatItLeadsToAndItsTargetTakesItsPlace() {
        // As the HAR importer makes them: http://example.test/ 301 to the document, whose /ad.gif 302s to an image
        // (large enough to be a valid GIF: the img element is then not marked as one that does not decode).
        Resource pixel = new Resource("/pixel.gif", 200, "image/gif", 2000, Map.of(), 0, List.of(), null);
        Resource ad = new Resource("/ad.gif", 302, "text/html", 0, Map.of("location", "/pixel.gif"), 0, List.of(pixel), null);
        Resource document = new Resource("/_h/www.example.test/", 200, "text/html", 3000, Map.of(), 0, List.of(ad), null);
        Resource root = new Resource("/", 301, "text/html", 0, Map.of("location", "/_h/www.example.test/"), 0,
                List.of(document), null);
        PageBodies bodies = PageBodies.of(new Scenario(1, "redirects", "", Map.of(), root));

        assertEquals(List.of(), bodies.problems());
        assertEquals(List.of(), bodies.hoisted());
        assertEquals(null, bodies.body("/"), "a redirect has no body of its own");
        assertEquals(null, bodies.body("/ad.gif"));
        String html = StandardCharsets.ISO_8859_1.decode(bodies.body("/_h/www.example.test/")).toString();
        assertTrue(html.contains("<img src=\"/ad.gif\" width=\"1\" height=\"1\" alt=\"\">"), html);
        assertTrue(!html.contains("/pixel.gif"), "the browser finds the image by following the location");
        assertNotNull(bodies.body("/pixel.gif"), "a valid image");
    }
}
