package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkArgumentsTest {

    private static final String SPEC = "rtt=100ms,down=8mbit,up=2mbit,loss=1%";

    @Test
    void anExplicitSpecStaysWholeBesideAProfileInAnotherFlag() {
        assertEquals(List.of(SPEC, "3g"), LinkArguments.split(List.of(SPEC, "3g")));
    }

    @Test
    void aCommaListOfProfileNamesIsSeveralLinks() {
        assertEquals(List.of("lan", "cable", "3g"), LinkArguments.split(List.of("lan,cable,3g")));
    }

    @Test
    void aSemicolonSeparatesExplicitSpecs() {
        assertEquals(List.of(SPEC, "rtt=5ms,down=1mbit", "lan"),
                LinkArguments.split(List.of(SPEC + ";rtt=5ms,down=1mbit; lan")));
    }

    @Test
    void aCommaListMixingNamesAndSpecsSplitsWhereANameOrARepeatedKeyStartsALink() {
        assertEquals(List.of("lan", SPEC, "rtt=5ms,down=1mbit", "3g"),
                LinkArguments.split(List.of("lan," + SPEC + ",rtt=5ms,down=1mbit,3g")));
    }

    @Test
    void theTcpKnobsJoinTheSpecBeforeThem() {
        String spdy = "rtt=28ms,down=4mbit,up=1mbit,loss=1%,iw=4,syn-rto=3s";
        assertEquals(List.of(spdy, "cable"), LinkArguments.split(List.of(spdy + ",cable")));
        assertEquals(List.of("rtt=5ms,down=1mbit,iw=4", "rtt=5ms,down=1mbit,iw=10"),
                LinkArguments.split(List.of("rtt=5ms,down=1mbit,iw=4,rtt=5ms,down=1mbit,iw=10")));
    }

    @Test
    void emptyPartsStayForTheParserToRefuse() {
        assertEquals(List.of("lan", "", "cable"), LinkArguments.split(List.of("lan,,cable")));
        assertEquals(List.of(""), LinkArguments.split(List.of("")));
    }

    @FuzzTest(maxDuration = "5s")
    void anyLinksComeBackWholeFromRepeatedFlagsASemicolonListOrACommaList(FuzzedDataProvider data) {
        List<String> links = links(data);
        assertEquals(links, LinkArguments.split(links));
        assertEquals(links, LinkArguments.split(List.of(String.join(";", links))));
        assertEquals(links, LinkArguments.split(List.of(String.join(",", links))));
    }

    /** One to five links, each a profile name or an explicit spec. */
    private static List<String> links(FuzzedDataProvider data) {
        List<String> links = new ArrayList<>();
        int count = data.consumeInt(1, 5);
        for (int i = 0; i < count; i++) {
            links.add(data.consumeBoolean()
                    ? data.pickValue(List.of("lan", "cable", "4g", "3g", "lossy-4g", "satellite", "none"))
                    : "rtt=" + data.consumeInt(0, 1000) + "ms,down=" + data.consumeInt(1, 1000) + "mbit,up="
                            + data.consumeInt(1, 1000) + "mbit" + data.pickValue(List.of("", ",loss=0", ",loss=1%")));
        }
        return links;
    }
}
