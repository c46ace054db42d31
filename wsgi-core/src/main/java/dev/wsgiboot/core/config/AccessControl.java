package dev.wsgiboot.core.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Who may reach the scripts of a directory: Apache 2.2's
 * {@code Order}/{@code Allow}/{@code Deny} (mod_access_compat) and 2.4's
 * {@code Require} (mod_authz_core, the {@code all} and {@code ip} providers).
 *
 * @param order {@code allow,deny} or {@code deny,allow}; {@code null} when
 * the section has no Order/Allow/Deny
 * @param allow hosts of {@code Allow from}
 * @param deny hosts of {@code Deny from}
 * @param require the {@code Require} lines (any one granting access is
 * enough); empty when the section has none
 */
public record AccessControl(Order order, List<HostPattern> allow, List<HostPattern> deny, List<Require> require) {

	public AccessControl {
		allow = List.copyOf(allow);
		deny = List.copyOf(deny);
		require = List.copyOf(require);
	}

	public boolean hasCompatRules() {
		return this.order != null || !this.allow.isEmpty() || !this.deny.isEmpty();
	}

	public boolean hasRequire() {
		return !this.require.isEmpty();
	}

	/** mod_access_compat's verdict. */
	public boolean compatAllows(String address) {
		boolean allowed = matches(this.allow, address);
		boolean denied = matches(this.deny, address);
		return switch ((this.order != null) ? this.order : Order.DENY_ALLOW) {
			// default allow; a matching Deny denies unless an Allow matches too
			case DENY_ALLOW -> !denied || allowed;
			// default deny; an Allow admits unless a Deny matches too
			case ALLOW_DENY -> allowed && !denied;
		};
	}

	/** mod_authz_core's verdict for the Require lines (RequireAny). */
	public boolean requireAllows(String address) {
		for (Require line : this.require) {
			if (line.grants(address)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(List<HostPattern> patterns, String address) {
		for (HostPattern pattern : patterns) {
			if (pattern.matches(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a client may reach a script governed by these settings, from the
	 * least to the most specific: the deepest Order/Allow/Deny and the deepest
	 * Require decide together (both must let the client in), as Apache 2.4 does
	 * with mod_access_compat loaded.
	 */
	public static boolean allows(Iterable<AccessControl> leastToMostSpecific, String address) {
		AccessControl compat = null;
		AccessControl require = null;
		for (AccessControl access : leastToMostSpecific) {
			if (access.hasCompatRules()) {
				compat = access;
			}
			if (access.hasRequire()) {
				require = access;
			}
		}
		return (compat == null || compat.compatAllows(address)) && (require == null || require.requireAllows(address));
	}

	/** Whether a Require line names users ({@code valid-user}, {@code user ...}): then a user may be let in. */
	public boolean requiresUser() {
		for (Require line : this.require) {
			if (line.users() != null) {
				return true;
			}
		}
		return false;
	}

	/** Whether an authenticated {@code user} satisfies one of the user Require lines. */
	public boolean requireAllowsUser(String user) {
		for (Require line : this.require) {
			if (line.users() != null && (line.users().isEmpty() || line.users().contains(user))) {
				return true;
			}
		}
		return false;
	}

	/** {@code Order}. */
	public enum Order {

		ALLOW_DENY, DENY_ALLOW

	}

	/**
	 * One {@code Require} line: {@code all granted}, {@code all denied} or
	 * {@code ip ...} (optionally {@code not}), or {@code valid-user} /
	 * {@code user name...} ({@code users} empty / the names).
	 *
	 * @param negated {@code Require not ...}
	 * @param all {@code Require all ...}
	 * @param granted {@code all granted} rather than {@code all denied}
	 * @param ips the hosts of {@code Require ip} / {@code Require local}
	 * @param users {@code null} for the host providers; empty for
	 * {@code valid-user}; the names of {@code Require user}
	 */
	public record Require(boolean negated, boolean all, boolean granted, List<HostPattern> ips, List<String> users) {

		public Require(boolean negated, boolean all, boolean granted, List<HostPattern> ips) {
			this(negated, all, granted, ips, null);
		}

		public Require {
			ips = List.copyOf(ips);
			users = (users != null) ? List.copyOf(users) : null;
		}

		/** {@code Require valid-user} ({@code users} empty) or {@code Require user ...}. */
		public static Require users(List<String> users) {
			return new Require(false, false, false, List.of(), users);
		}

		boolean grants(String address) {
			if (this.users != null) {
				// granted only once a user has authenticated
				return false;
			}
			boolean match = this.all ? this.granted : AccessControl.matches(this.ips, address);
			return this.negated != match;
		}

	}

	/**
	 * A host of {@code Allow from}, {@code Deny from} or {@code Require ip}:
	 * {@code all}, an address, a partial address ({@code 10.1}), or a network
	 * ({@code 10.0.0.0/8}, {@code 10.0.0.0/255.0.0.0}).
	 */
	public static final class HostPattern {

		private final String text;

		private final boolean all;

		private final byte[] network;

		private final int prefixLength;

		private HostPattern(String text, boolean all, byte[] network, int prefixLength) {
			this.text = text;
			this.all = all;
			this.network = network;
			this.prefixLength = prefixLength;
		}

		/**
		 * Parses a host pattern.
		 * @throws IllegalArgumentException for host names (which need DNS) and
		 * malformed addresses
		 */
		public static HostPattern parse(String text) {
			if (text.equalsIgnoreCase("all")) {
				return new HostPattern(text, true, null, 0);
			}
			String address = text;
			int prefix = -1;
			int slash = text.indexOf('/');
			if (slash >= 0) {
				address = text.substring(0, slash);
				String mask = text.substring(slash + 1);
				prefix = mask.contains(".") ? maskLength(mask) : Integer.parseInt(mask);
			}
			if (address.contains(":")) {
				byte[] bytes = parseLiteral(address);
				return new HostPattern(text, false, bytes, (prefix >= 0) ? prefix : bytes.length * 8);
			}
			String[] parts = address.split("\\.", -1);
			if (parts.length > 4 || !address.matches("[0-9.]+") || address.endsWith(".") && parts.length == 5) {
				throw new IllegalArgumentException("'" + text + "' is not an IP address or network "
						+ "(host names are not supported: they need DNS lookups)");
			}
			byte[] bytes = new byte[4];
			int octets = 0;
			for (String part : parts) {
				if (part.isEmpty()) {
					continue;
				}
				int value = Integer.parseInt(part);
				if (value > 255) {
					throw new IllegalArgumentException("'" + text + "' is not an IP address");
				}
				bytes[octets++] = (byte) value;
			}
			return new HostPattern(text, false, bytes, (prefix >= 0) ? prefix : octets * 8);
		}

		private static int maskLength(String mask) {
			int length = 0;
			for (String part : mask.split("\\.")) {
				length += Integer.bitCount(Integer.parseInt(part) & 0xff);
			}
			return length;
		}

		private static byte[] parseLiteral(String address) {
			try {
				return InetAddress.getByName(address.replace("[", "").replace("]", "")).getAddress();
			}
			catch (UnknownHostException ex) {
				throw new IllegalArgumentException("'" + address + "' is not an IP address", ex);
			}
		}

		public boolean matches(String address) {
			if (this.all) {
				return true;
			}
			byte[] bytes;
			try {
				bytes = parseLiteral(address);
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
			if (bytes.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefixLength; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((bytes[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

		@Override
		public String toString() {
			return this.text;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof HostPattern pattern && pattern.text.equals(this.text);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.text);
		}

	}

}
