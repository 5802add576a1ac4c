package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.driver.origin.PageBodies;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChromiumCellRoundTest {

    private static final URI FRONT = URI.create("https://127.0.0.2:9443/");

    private static Scenario page(String... hosts) {
        List<Resource> children = new java.util.ArrayList<>();
        for (int i = 0; i < hosts.length; i++) {
            children.add(new Resource("/r" + i, 200, "image/png", 100, Map.of(), 0, List.of(), hosts[i]));
        }
        return new Scenario(1, "page", null, Map.of(),
                new Resource("/", 200, "text/html", 1000, Map.of(), 0, children, null));
    }

    @Test
    void quicIsForcedOnTheFrontForAPageOnOneHost() {
        assertEquals(List.of("127.0.0.2:9443"),
                ChromiumCellRound.quicOrigins(BuiltInMode.H3.chromium(true), page(null, null), FRONT));
    }

    @Test
    void quicIsForcedOnEveryHostOfAPageAsItsUrlsNameThem() {
        Scenario scenario = page("cdn.example", "img.example:8443", "cdn.example");
        assertEquals(List.of("cdn.example:443", "img.example:8443", PageBodies.MAIN_HOST + ":443").stream().sorted().toList(),
                ChromiumCellRound.quicOrigins(BuiltInMode.H3.chromium(true), scenario, FRONT));
    }

    @Test
    void noOriginIsForcedOntoQuicOverTcp() {
        assertEquals(List.of(), ChromiumCellRound.quicOrigins(BuiltInMode.H2.chromium(true), page("cdn.example"), FRONT));
    }
}
