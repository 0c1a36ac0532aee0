package io.renlayer.proxy.forward;

import io.renlayer.core.net.OutboundAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The upstream clients' name resolution, which keeps only the addresses the gateway may connect
 * to ({@link OutboundAddresses}). The check is on the address the socket will use, at connect
 * time: a name that resolves to a private address, or changes its answer after registration, is
 * caught here. The client follows no redirects, so there is no other way to another address.
 */
final class GuardedDnsResolver implements DnsResolver {

    private static final Logger LOG = Logger.getLogger(GuardedDnsResolver.class.getName());

    private final OutboundAddresses policy;

    GuardedDnsResolver(OutboundAddresses policy) {
        this.policy = policy;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> allowed = new ArrayList<>();
        String refusal = null;
        for (InetAddress address : SystemDefaultDnsResolver.INSTANCE.resolve(host)) {
            String why = policy.refusal(address, port);
            if (why == null) {
                allowed.add(new InetSocketAddress(address, port));
            } else {
                refusal = why;
            }
        }
        if (allowed.isEmpty()) {
            LOG.warning("Refused to connect to " + host + ":" + port + ": " + refusal);
            throw new RefusedAddress(host, refusal);
        }
        return allowed;
    }

    /** Without a port, only addresses no port makes acceptable are refused; connections go through the other method. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return resolve(host, 0).stream().map(InetSocketAddress::getAddress).toArray(InetAddress[]::new);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    /** Every address of the name is one the gateway may not connect to. */
    static final class RefusedAddress extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        RefusedAddress(String host, String why) {
            super(host + ": " + why);
        }
    }
}
