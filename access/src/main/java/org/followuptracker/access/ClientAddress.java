package org.followuptracker.access;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a sign-in came from, as throttling counts it: an IPv4 address whole, an IPv6 address by its /64 network.
 * One subscriber usually holds a whole /64, so counting single IPv6 addresses would hand a guesser billions of
 * fresh ones.
 *
 * @param key the address, or its /64 network ({@code 2001:db8:0:1::/64}), as counted
 */
record ClientAddress(String key) {

    static ClientAddress of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return new ClientAddress("unknown");
        }
        String literal = remoteAddress.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.indexOf('%') >= 0) {
            literal = literal.substring(0, literal.indexOf('%'));
        }
        // Only literals are parsed: a host name would be looked up in DNS.
        if (!literal.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|\\d{1,3}(\\.\\d{1,3}){3}")) {
            return new ClientAddress(literal);
        }
        try {
            InetAddress address = InetAddress.getByName(literal);
            if (address instanceof Inet4Address) {
                return new ClientAddress(address.getHostAddress());
            }
            byte[] bytes = address.getAddress();
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff)).append(':');
            }
            return new ClientAddress(network.append(":/64").toString());
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return new ClientAddress(literal);
        }
    }
}
