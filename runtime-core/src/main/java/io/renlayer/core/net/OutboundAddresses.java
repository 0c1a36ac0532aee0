package io.renlayer.core.net;

import io.renlayer.core.config.GatewaySettings;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the gateway may open a connection on a tenant's behalf (upstreams, services, MCP servers),
 * decided on the address a name resolved to, so that a DNS name or a redirect cannot point it
 * elsewhere. Never: link-local addresses (cloud metadata services among them), unspecified or
 * multicast addresses, and the gateway's own listeners. Loopback, private and shared (CGNAT)
 * ranges only inside the networks the operator allows ({@code RENLAYER_OUTBOUND_ALLOWED_NETWORKS}).
 * Everything else, the public internet, is allowed.
 */
public final class OutboundAddresses {

    private static final List<Network> INTERNAL = List.of(
            Network.parse("127.0.0.0/8"),
            Network.parse("10.0.0.0/8"),
            Network.parse("172.16.0.0/12"),
            Network.parse("192.168.0.0/16"),
            Network.parse("100.64.0.0/10"),
            Network.parse("0.0.0.0/8"),
            Network.parse("::1/128"),
            Network.parse("fc00::/7"));
    /** Metadata services that do not sit in a link-local range. */
    private static final List<Network> METADATA =
            List.of(Network.parse("fd00:ec2::254/128"), Network.parse("100.100.100.200/32"));

    private static volatile OutboundAddresses configured;

    private final List<Network> allowed;
    private final Set<Integer> ownPorts;
    private final Set<InetAddress> localAddresses;

    public OutboundAddresses(List<Network> allowed, Set<Integer> ownPorts) {
        this(allowed, ownPorts, interfaceAddresses());
    }

    OutboundAddresses(List<Network> allowed, Set<Integer> ownPorts, Set<InetAddress> localAddresses) {
        this.allowed = List.copyOf(allowed);
        this.ownPorts = Set.copyOf(ownPorts);
        this.localAddresses = Set.copyOf(localAddresses);
    }

    /** The policy of this server's settings, read once. */
    public static OutboundAddresses configured() {
        OutboundAddresses policy = configured;
        if (policy == null) {
            policy = new OutboundAddresses(
                    GatewaySettings.outboundAllowedNetworks().stream()
                            .map(Network::parse)
                            .toList(),
                    GatewaySettings.ownPorts());
            configured = policy;
        }
        return policy;
    }

    /** Why a connection to this address and port is refused, or null when it is allowed. */
    public String refusal(InetAddress resolved, int port) {
        InetAddress address = unmapped(resolved);
        if (address.isLinkLocalAddress() || METADATA.stream().anyMatch(n -> n.contains(address))) {
            return "link-local and metadata addresses are never a target";
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return "unspecified and multicast addresses are never a target";
        }
        boolean local = address.isLoopbackAddress() || localAddresses.contains(address);
        if (local && ownPorts.contains(port)) {
            return "the gateway's own listeners are never a target";
        }
        boolean internal =
                local || address.isSiteLocalAddress() || INTERNAL.stream().anyMatch(n -> n.contains(address));
        if (internal && allowed.stream().noneMatch(n -> n.contains(address))) {
            return "loopback and private addresses are refused unless RENLAYER_OUTBOUND_ALLOWED_NETWORKS lists them";
        }
        return null;
    }

    /** An IPv4 address written as IPv6 ({@code ::ffff:127.0.0.1}) is checked as the IPv4 address it is. */
    static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) {
                try {
                    return Inet4Address.getByAddress(Arrays.copyOfRange(b, 12, 16));
                } catch (UnknownHostException impossible) {
                    return address;
                }
            }
        }
        return address;
    }

    private static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> addresses = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException e) {
            // loopback is recognised without the list
        }
        return addresses;
    }
}
