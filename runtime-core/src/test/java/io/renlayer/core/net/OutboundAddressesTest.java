package io.renlayer.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboundAddressesTest {

    private static final Set<Integer> OWN = Set.of(8080, 8081);
    private final OutboundAddresses strict = new OutboundAddresses(List.of(), OWN, Set.of(ip("192.0.2.10")));
    private final OutboundAddresses loopbackAllowed =
            new OutboundAddresses(List.of(Network.parse("127.0.0.1/32")), OWN, Set.of(ip("192.0.2.10")));

    @Test
    void metadataLinkLocalUnspecifiedAndMulticastAreNeverATargetWhateverIsAllowed() {
        OutboundAddresses everything =
                new OutboundAddresses(List.of(Network.parse("0.0.0.0/0"), Network.parse("::/0")), OWN, Set.of());
        for (String address : List.of(
                "169.254.169.254",
                "169.254.0.1",
                "fe80::1",
                "fd00:ec2::254",
                "100.100.100.200",
                "0.0.0.0",
                "::",
                "224.0.0.1",
                "::ffff:169.254.169.254")) {
            assertThat(everything.refusal(ip(address), 80)).as(address).isNotNull();
        }
    }

    @Test
    void loopbackPrivateAndSharedRangesOnlyWhereAllowed() {
        for (String address : List.of(
                "127.0.0.1",
                "127.1.2.3",
                "::1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "100.64.0.1",
                "fd12::1",
                "::ffff:127.0.0.1",
                "2130706433")) {
            assertThat(strict.refusal(ip(address), 9099)).as(address).isNotNull();
        }
        assertThat(loopbackAllowed.refusal(ip("127.0.0.1"), 9099)).isNull();
        assertThat(loopbackAllowed.refusal(ip("::ffff:127.0.0.1"), 9099)).isNull();
        assertThat(loopbackAllowed.refusal(ip("127.0.0.2"), 9099))
                .as("outside the allowed /32")
                .isNotNull();
        assertThat(loopbackAllowed.refusal(ip("10.0.0.1"), 9099)).isNotNull();
    }

    @Test
    void theGatewaysOwnListenersAreNeverATargetEvenOnAnAllowedNetwork() {
        assertThat(loopbackAllowed.refusal(ip("127.0.0.1"), 8081)).contains("own listeners");
        assertThat(loopbackAllowed.refusal(ip("127.0.0.1"), 8080)).contains("own listeners");
        OutboundAddresses privateAllowed =
                new OutboundAddresses(List.of(Network.parse("192.0.2.0/24")), OWN, Set.of(ip("192.0.2.10")));
        assertThat(privateAllowed.refusal(ip("192.0.2.10"), 8081))
                .as("this host's own interface")
                .contains("own listeners");
        assertThat(privateAllowed.refusal(ip("192.0.2.11"), 8081)).isNull();
    }

    @Test
    void thePublicInternetIsAllowed() {
        assertThat(strict.refusal(ip("93.184.215.14"), 443)).isNull();
        assertThat(strict.refusal(ip("2606:2800:21f:cb07:6820:80da:af6b:8b2c"), 443))
                .isNull();
    }

    @Test
    void networksAreIpBlocksNeverNames() {
        assertThat(Network.parse("10.0.0.0/8").contains(ip("10.255.0.1"))).isTrue();
        assertThat(Network.parse("10.0.0.0/8").contains(ip("11.0.0.1"))).isFalse();
        assertThat(Network.parse("172.16.0.0/12").contains(ip("172.31.255.255")))
                .isTrue();
        assertThat(Network.parse("172.16.0.0/12").contains(ip("172.32.0.0"))).isFalse();
        assertThatThrownBy(() -> Network.parse("example.com/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Network.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAddressLiteralsAreParsedAndNamesAreLeftForTheConnection() {
        assertThat(Network.literal("[::1]")).hasValue(ip("::1"));
        assertThat(Network.literal("2130706433")).hasValue(ip("127.0.0.1"));
        assertThat(Network.literal("10.0.0.5")).hasValue(ip("10.0.0.5"));
        for (String name : List.of("cafe.de", "dead.beef", "localhost", "example.com", "")) {
            assertThat(Network.literal(name)).as(name).isEmpty();
        }
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
