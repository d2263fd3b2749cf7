package org.followuptracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4AddressCountsWholeAndAnIpv6AddressByItsSlash64() {
        assertThat(ClientAddress.of("198.51.100.7").key()).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("2001:db8:0:1:aaaa::1").key()).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientAddress.of("2001:0db8:0000:0001:ffff:ffff:ffff:ffff").key()).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientAddress.of("[2001:db8:0:2::1]").key()).isEqualTo("2001:db8:0:2::/64");
        assertThat(ClientAddress.of("fe80::1%eth0").key()).isEqualTo("fe80:0:0:0::/64");
    }

    @Test
    void anIpv4AddressWrittenAsIpv6CountsAsItself() {
        assertThat(ClientAddress.of("::ffff:198.51.100.7").key()).isEqualTo("198.51.100.7");
    }

    @Test
    void whatIsNotAnAddressIsCountedAsWrittenWithoutALookUp() {
        assertThat(ClientAddress.of("localhost").key()).isEqualTo("localhost");
        assertThat(ClientAddress.of("beef").key()).isEqualTo("beef");
        assertThat(ClientAddress.of(null).key()).isEqualTo("unknown");
    }
}
