package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
    void emptyPartsStayForTheParserToRefuse() {
        assertEquals(List.of("lan", "", "cable"), LinkArguments.split(List.of("lan,,cable")));
        assertEquals(List.of(""), LinkArguments.split(List.of("")));
    }

    @Provide
    Arbitrary<String> link() {
        Arbitrary<String> named = Arbitraries.of("lan", "cable", "4g", "3g", "lossy-4g", "satellite", "none");
        Arbitrary<String> explicit = Combinators.combine(
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(1, 1000),
                Arbitraries.integers().between(1, 1000), Arbitraries.of("", ",loss=0", ",loss=1%"))
                .as((rtt, down, up, loss) -> "rtt=" + rtt + "ms,down=" + down + "mbit,up=" + up + "mbit" + loss);
        return Arbitraries.oneOf(named, explicit);
    }

    @Property(tries = 200)
    void anyLinksComeBackWholeFromRepeatedFlagsASemicolonListOrACommaList(
            @ForAll("links") List<String> links) {
        assertEquals(links, LinkArguments.split(links));
        assertEquals(links, LinkArguments.split(List.of(String.join(";", links))));
        assertEquals(links, LinkArguments.split(List.of(String.join(",", links))));
    }

    @Provide
    Arbitrary<List<String>> links() {
        return link().list().ofMinSize(1).ofMaxSize(5);
    }
}
