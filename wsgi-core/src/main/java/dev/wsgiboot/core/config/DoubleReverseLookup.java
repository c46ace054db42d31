package dev.wsgiboot.core.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache's double-reverse DNS lookup for host names in access rules: the
 * client address is resolved to a name, the name back to addresses, and the
 * name counts only when the client address is among them. Results (failures
 * included) are kept for a minute in a bounded cache.
 */
final class DoubleReverseLookup implements AccessControl.HostNames {

	private static final Logger logger = LoggerFactory.getLogger(DoubleReverseLookup.class);

	static final long TIME_TO_LIVE_NANOS = 60_000_000_000L;

	static final int MAX_ENTRIES = 1024;

	private final Map<String, Entry> cache = new ConcurrentHashMap<>();

	@Override
	public String verifiedName(String address) {
		long now = System.nanoTime();
		Entry entry = this.cache.get(address);
		if (entry != null && now - entry.created() < TIME_TO_LIVE_NANOS) {
			return entry.name();
		}
		String name = lookUp(address);
		if (this.cache.size() >= MAX_ENTRIES) {
			this.cache.clear();
		}
		this.cache.put(address, new Entry(name, now));
		return name;
	}

	private static String lookUp(String address) {
		String literal = address.replace("[", "").replace("]", "");
		if (!literal.contains(":") && !literal.matches("[0-9.]+")) {
			return null;
		}
		try {
			InetAddress client = InetAddress.getByName(literal);
			String name = client.getCanonicalHostName();
			if (name == null || name.equals(client.getHostAddress())) {
				return null;
			}
			for (InetAddress candidate : InetAddress.getAllByName(name)) {
				if (Arrays.equals(candidate.getAddress(), client.getAddress())) {
					return name;
				}
			}
			logger.info("Host name {} of client {} does not map back to it: access rules with host names do "
					+ "not match", name, address);
			return null;
		}
		catch (UnknownHostException | SecurityException ex) {
			return null;
		}
	}

	private record Entry(String name, long created) {
	}

}
