//! Which client a request counts as, for the per-address limits: the address a trusted proxy
//! added to `X-Forwarded-For`, and IPv6 clients grouped by /64.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

/// The client as the proxies closest to us saw it: the entry `hops` places from the right of
/// the `X-Forwarded-For` list (every header line in order, entries separated by commas). Each
/// proxy appends the address it got the request from, so entries further left are whatever the
/// client sent and prove nothing. `None` when the list is shorter or the entry no address.
pub fn forwarded_client<'a>(
    header_lines: impl IntoIterator<Item = &'a str>,
    hops: usize,
) -> Option<IpAddr> {
    let entries: Vec<&str> = header_lines
        .into_iter()
        .flat_map(|line| line.split(','))
        .map(str::trim)
        .collect();
    let index = entries.len().checked_sub(hops.max(1))?;
    parse_address(entries[index])
}

/// An address, with or without a port (`1.2.3.4:80`, `[2001:db8::1]:443`).
fn parse_address(text: &str) -> Option<IpAddr> {
    text.parse::<IpAddr>()
        .ok()
        .or_else(|| text.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

/// What the limits count: an IPv4 address as it is (IPv4-mapped IPv6 included), an IPv6
/// address by its /64 prefix, since one customer usually holds a whole /64.
pub fn limit_key(address: IpAddr) -> String {
    match address {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                let prefix = Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
                format!("{prefix}/64")
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proxys_entry_counts() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert_eq!(
            forwarded_client(["1.1.1.1, 2.2.2.2"], 1),
            Some(ip("2.2.2.2"))
        );
        assert_eq!(
            forwarded_client(["1.1.1.1", "2.2.2.2, 3.3.3.3"], 2),
            Some(ip("2.2.2.2"))
        );
        assert_eq!(forwarded_client(["1.1.1.1"], 2), None);
        assert_eq!(forwarded_client(["nonsense"], 1), None);
        assert_eq!(
            forwarded_client(["[2001:db8::1]:443"], 1),
            Some(ip("2001:db8::1"))
        );
    }

    #[test]
    fn ipv6_counts_per_64() {
        let key = |s: &str| limit_key(s.parse().unwrap());
        assert_eq!(key("2001:db8:1:2::5"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:ffff::1"), "2001:db8:1:2::/64");
        assert_eq!(key("::ffff:192.0.2.1"), "192.0.2.1");
        assert_eq!(key("192.0.2.1"), "192.0.2.1");
    }
}
