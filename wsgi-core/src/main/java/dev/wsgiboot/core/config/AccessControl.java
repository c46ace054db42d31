package dev.wsgiboot.core.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Who may reach the scripts of a directory: Apache 2.2's
 * {@code Order}/{@code Allow}/{@code Deny}/{@code Satisfy}
 * (mod_access_compat) and 2.4's {@code Require} lines and
 * {@code <RequireAny>}/{@code <RequireAll>}/{@code <RequireNone>} containers
 * (mod_authz_core with the {@code all}, {@code ip}, {@code local},
 * {@code host}, {@code env}, {@code valid-user} and {@code user} providers).
 *
 * @param order {@code allow,deny} or {@code deny,allow}; {@code null} when
 * the section has no Order/Allow/Deny
 * @param allow hosts of {@code Allow from}
 * @param deny hosts of {@code Deny from}
 * @param require the {@code Require} lines and containers (any one granting
 * access is enough, as in an implicit {@code <RequireAny>}); empty when the
 * section has none
 * @param satisfyAny {@code Satisfy Any} ({@code true}), {@code Satisfy All}
 * ({@code false}) or not set ({@code null})
 */
public record AccessControl(Order order, List<HostPattern> allow, List<HostPattern> deny, List<Require> require,
		Boolean satisfyAny) {

	public AccessControl {
		allow = List.copyOf(allow);
		deny = List.copyOf(deny);
		require = List.copyOf(require);
	}

	public AccessControl(Order order, List<HostPattern> allow, List<HostPattern> deny, List<Require> require) {
		this(order, allow, deny, require, null);
	}

	public boolean hasCompatRules() {
		return this.order != null || !this.allow.isEmpty() || !this.deny.isEmpty();
	}

	public boolean hasRequire() {
		return !this.require.isEmpty();
	}

	/** mod_access_compat's verdict for a client known by its address only. */
	public boolean compatAllows(String address) {
		return compatAllows(Client.of(address));
	}

	/** mod_access_compat's verdict. */
	public boolean compatAllows(Client client) {
		boolean allowed = matches(this.allow, client);
		boolean denied = matches(this.deny, client);
		return switch ((this.order != null) ? this.order : Order.DENY_ALLOW) {
			// default allow; a matching Deny denies unless an Allow matches too
			case DENY_ALLOW -> !denied || allowed;
			// default deny; an Allow admits unless a Deny matches too
			case ALLOW_DENY -> allowed && !denied;
		};
	}

	/** Whether the Require lines grant a client known by its address only, without a user. */
	public boolean requireAllows(String address) {
		return evaluate(Client.of(address), null) == Verdict.GRANTED;
	}

	/**
	 * mod_authz_core's verdict for the Require lines (an implicit
	 * {@code <RequireAny>}).
	 * @param user the authenticated user, or {@code null} when none is known yet
	 */
	public Verdict evaluate(Client client, String user) {
		return Container.ANY.combine(this.require, client, user);
	}

	private static boolean matches(List<HostPattern> patterns, Client client) {
		for (HostPattern pattern : patterns) {
			if (pattern.matches(client)) {
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
		return this.require.stream().anyMatch(Require::namesUsers);
	}

	/** Whether an authenticated {@code user} is granted by the Require lines. */
	public boolean requireAllowsUser(String user) {
		return this.require.stream().anyMatch((line) -> line.users() != null
				&& (line.users().isEmpty() || line.users().contains(user)));
	}

	/**
	 * What access rules know of a client.
	 *
	 * @param address its IP address
	 * @param env the request's environment variables (SetEnvIf, rewrite
	 * {@code E=} flags, SetEnv); {@code null} for a variable that is not set
	 * @param hostNames how its address is turned into a verified host name
	 */
	public record Client(String address, Function<String, String> env, HostNames hostNames) {

		public static Client of(String address) {
			return new Client(address, (name) -> null, HostNames.DNS);
		}

	}

	/** Turns a client address into a host name, or {@code null} when that fails. */
	@FunctionalInterface
	public interface HostNames {

		/** Apache's double-reverse lookup, cached briefly. */
		HostNames DNS = new DoubleReverseLookup();

		String verifiedName(String address);

	}

	/** An access rule's verdict, as mod_authz_core's. */
	public enum Verdict {

		GRANTED, DENIED, NEUTRAL,

		/** Granted or denied once a user has authenticated. */
		AUTHENTICATION_NEEDED

	}

	/** {@code Order}. */
	public enum Order {

		ALLOW_DENY, DENY_ALLOW

	}

	/** The {@code <RequireAny>}, {@code <RequireAll>} and {@code <RequireNone>} containers. */
	public enum Container {

		/** Granted when one line grants. */
		ANY,

		/** Denied when one line denies; granted when at least one grants and none denies. */
		ALL,

		/** Denied when one line grants, else neutral: it can never grant. */
		NONE;

		Verdict combine(List<Require> lines, Client client, String user) {
			boolean granted = false;
			boolean denied = false;
			boolean authenticationNeeded = false;
			for (Require line : lines) {
				Verdict verdict = line.evaluate(client, user);
				granted |= verdict == Verdict.GRANTED;
				denied |= verdict == Verdict.DENIED;
				authenticationNeeded |= verdict == Verdict.AUTHENTICATION_NEEDED;
			}
			return switch (this) {
				case ANY -> granted ? Verdict.GRANTED : authenticationNeeded ? Verdict.AUTHENTICATION_NEEDED
						: denied ? Verdict.DENIED : Verdict.NEUTRAL;
				case ALL -> denied ? Verdict.DENIED : authenticationNeeded ? Verdict.AUTHENTICATION_NEEDED
						: granted ? Verdict.GRANTED : Verdict.NEUTRAL;
				case NONE -> granted ? Verdict.DENIED
						: authenticationNeeded ? Verdict.AUTHENTICATION_NEEDED : Verdict.NEUTRAL;
			};
		}

	}

	/**
	 * One {@code Require} line ({@code all granted|denied}, {@code ip},
	 * {@code local}, {@code host}, {@code env}: the {@code ips} patterns;
	 * {@code valid-user} / {@code user name...}: {@code users} empty / the
	 * names), optionally {@code not}, or a container of lines.
	 *
	 * @param negated {@code Require not ...}: denies on a match, else neutral
	 * @param all {@code Require all ...}
	 * @param granted {@code all granted} rather than {@code all denied}
	 * @param ips the patterns of {@code Require ip|local|host|env}
	 * @param users {@code null} for the host providers; empty for
	 * {@code valid-user}; the names of {@code Require user}
	 * @param container the container kind, {@code null} for a line
	 * @param lines the lines of a container
	 */
	public record Require(boolean negated, boolean all, boolean granted, List<HostPattern> ips, List<String> users,
			Container container, List<Require> lines) {

		public Require(boolean negated, boolean all, boolean granted, List<HostPattern> ips) {
			this(negated, all, granted, ips, null, null, List.of());
		}

		public Require(boolean negated, boolean all, boolean granted, List<HostPattern> ips, List<String> users) {
			this(negated, all, granted, ips, users, null, List.of());
		}

		public Require {
			ips = List.copyOf(ips);
			users = (users != null) ? List.copyOf(users) : null;
			lines = List.copyOf(lines);
		}

		/** {@code Require valid-user} ({@code users} empty) or {@code Require user ...}. */
		public static Require users(List<String> users) {
			return new Require(false, false, false, List.of(), users);
		}

		/** A {@code <RequireAny>}, {@code <RequireAll>} or {@code <RequireNone>} container. */
		public static Require container(Container container, List<Require> lines) {
			return new Require(false, false, false, List.of(), null, container, lines);
		}

		/**
		 * Parses the words of a {@code Require} line, e.g.
		 * {@code ["not", "ip", "10.0.0.0/8"]}.
		 * @throws IllegalArgumentException for a malformed line
		 * @throws UnsupportedOperationException for a provider not supported
		 * (yet): {@code group}, {@code expr}, {@code method}...
		 */
		public static Require parse(List<String> words) {
			boolean negated = !words.isEmpty() && words.get(0).equalsIgnoreCase("not");
			List<String> rest = negated ? words.subList(1, words.size()) : words;
			if (rest.isEmpty()) {
				throw new IllegalArgumentException("Require needs a provider, e.g. 'all granted'");
			}
			String provider = rest.get(0).toLowerCase(Locale.ROOT);
			List<String> args = rest.subList(1, rest.size());
			switch (provider) {
				case "all" -> {
					if (args.size() != 1 || !(args.get(0).equalsIgnoreCase("granted")
							|| args.get(0).equalsIgnoreCase("denied"))) {
						throw new IllegalArgumentException("Require all takes granted or denied");
					}
					return new Require(negated, true, args.get(0).equalsIgnoreCase("granted"), List.of());
				}
				case "ip", "local", "host", "env" -> {
					if (provider.equals("local") != args.isEmpty()) {
						throw new IllegalArgumentException(provider.equals("local") ? "Require local takes no arguments"
								: "Require " + provider + " needs at least one " + (provider.equals("env")
										? "variable name" : provider.equals("ip") ? "address or network" : "host name"));
					}
					List<HostPattern> patterns = new ArrayList<>();
					if (provider.equals("local")) {
						patterns.add(HostPattern.parse("127.0.0.0/8"));
						patterns.add(HostPattern.parse("::1"));
					}
					for (String arg : args) {
						HostPattern pattern = switch (provider) {
							case "env" -> HostPattern.env(arg, false);
							case "host" -> HostPattern.host(arg);
							default -> HostPattern.address(arg);
						};
						patterns.add(pattern);
					}
					return new Require(negated, false, false, patterns);
				}
				case "valid-user", "user" -> {
					if (provider.equals("user") == args.isEmpty()) {
						throw new IllegalArgumentException(provider.equals("user") ? "Require user needs user names"
								: "Require valid-user takes no arguments");
					}
					return new Require(negated, false, false, List.of(), args);
				}
				default -> throw new UnsupportedOperationException("Require " + rest.get(0) + " is not supported yet");
			}
		}

		/** Whether this line, or a line of this container, names users. */
		public boolean namesUsers() {
			return this.users != null || this.lines.stream().anyMatch(Require::namesUsers);
		}

		/** mod_authz_core's verdict for this line or container. */
		public Verdict evaluate(Client client, String user) {
			if (this.container != null) {
				return this.container.combine(this.lines, client, user);
			}
			boolean match;
			if (this.users != null) {
				if (user == null) {
					return Verdict.AUTHENTICATION_NEEDED;
				}
				match = this.users.isEmpty() || this.users.contains(user);
			}
			else {
				match = this.all ? this.granted : AccessControl.matches(this.ips, client);
			}
			if (this.negated) {
				return match ? Verdict.DENIED : Verdict.NEUTRAL;
			}
			return match ? Verdict.GRANTED : Verdict.DENIED;
		}

	}

	/**
	 * A host of {@code Allow from}, {@code Deny from} or {@code Require
	 * ip|host|env}: {@code all}, an address, a partial address ({@code 10.1}),
	 * a network ({@code 10.0.0.0/8}, {@code 10.0.0.0/255.0.0.0}), a host or
	 * domain name (matched after a double-reverse DNS lookup), or
	 * {@code env=VAR} / {@code env=!VAR} (whether the request has the
	 * environment variable).
	 */
	public static final class HostPattern {

		private final String text;

		private final boolean all;

		private final byte[] network;

		private final int prefixLength;

		/** The host or domain name, lower case, without a leading dot; {@code null} otherwise. */
		private final String domain;

		/** The environment variable of {@code env=}; {@code null} otherwise. */
		private final String variable;

		private final boolean variableUnset;

		private HostPattern(String text, boolean all, byte[] network, int prefixLength, String domain,
				String variable, boolean variableUnset) {
			this.text = text;
			this.all = all;
			this.network = network;
			this.prefixLength = prefixLength;
			this.domain = domain;
			this.variable = variable;
			this.variableUnset = variableUnset;
		}

		/**
		 * Parses a host of {@code Allow from}/{@code Deny from}: {@code all},
		 * {@code env=[!]VAR}, an address or network, or a host name.
		 * @throws IllegalArgumentException for a malformed one
		 */
		public static HostPattern parse(String text) {
			if (text.equalsIgnoreCase("all")) {
				return new HostPattern(text, true, null, 0, null, null, false);
			}
			if (text.regionMatches(true, 0, "env=", 0, 4)) {
				String name = text.substring(4);
				boolean unset = name.startsWith("!");
				return env(unset ? name.substring(1) : name, unset);
			}
			if (text.contains(":") || text.contains("/") || text.matches("[0-9.]+")) {
				return address(text);
			}
			return host(text);
		}

		/** {@code env=VAR} ({@code unset}: {@code env=!VAR}), or a variable of {@code Require env}. */
		public static HostPattern env(String name, boolean unset) {
			if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
				throw new IllegalArgumentException("'" + name + "' is not an environment variable name");
			}
			return new HostPattern("env=" + (unset ? "!" : "") + name, false, null, 0, null, name, unset);
		}

		/** A host name ({@code www.example.org}) or domain ({@code example.org}, {@code .example.org}). */
		public static HostPattern host(String name) {
			String domain = name.startsWith(".") ? name.substring(1) : name;
			if (!domain.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.?") || domain.matches("[0-9.]+")) {
				throw new IllegalArgumentException("'" + name + "' is not a host or domain name");
			}
			domain = domain.toLowerCase(Locale.ROOT);
			if (domain.endsWith(".")) {
				domain = domain.substring(0, domain.length() - 1);
			}
			return new HostPattern(name, false, null, 0, domain, null, false);
		}

		/** An address, a partial IPv4 address or a network. */
		public static HostPattern address(String text) {
			String address = text;
			int prefix = -1;
			try {
				int slash = text.indexOf('/');
				if (slash >= 0) {
					address = text.substring(0, slash);
					String mask = text.substring(slash + 1);
					prefix = mask.contains(".") ? maskLength(mask) : Integer.parseInt(mask);
				}
				if (address.contains(":")) {
					byte[] bytes = parseLiteral(address);
					return new HostPattern(text, false, bytes, (prefix >= 0) ? prefix : bytes.length * 8, null, null,
							false);
				}
				String[] parts = address.split("\\.", -1);
				if (parts.length > 4 || !address.matches("[0-9.]+") || address.endsWith(".") && parts.length == 5) {
					throw new IllegalArgumentException("'" + text + "' is not an IP address or network");
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
				return new HostPattern(text, false, bytes, (prefix >= 0) ? prefix : octets * 8, null, null, false);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("'" + text + "' is not an IP address or network", ex);
			}
		}

		private static int maskLength(String mask) {
			int length = 0;
			for (String part : mask.split("\\.")) {
				length += Integer.bitCount(Integer.parseInt(part) & 0xff);
			}
			return length;
		}

		private static byte[] parseLiteral(String address) {
			String literal = address.replace("[", "").replace("]", "");
			if (!literal.contains(":") && !literal.matches("[0-9.]+")) {
				// never a DNS lookup here
				throw new IllegalArgumentException("'" + address + "' is not an IP address");
			}
			try {
				return InetAddress.getByName(literal).getAddress();
			}
			catch (UnknownHostException ex) {
				throw new IllegalArgumentException("'" + address + "' is not an IP address", ex);
			}
		}

		/** Whether a client known by its address only matches (host names: after DNS lookups). */
		public boolean matches(String address) {
			return matches(Client.of(address));
		}

		public boolean matches(Client client) {
			if (this.all) {
				return true;
			}
			if (this.variable != null) {
				return (client.env().apply(this.variable) == null) == this.variableUnset;
			}
			if (this.domain != null) {
				String name = client.hostNames().verifiedName(client.address());
				if (name == null) {
					// a failed lookup never matches (so never lets in through Allow)
					return false;
				}
				name = name.toLowerCase(Locale.ROOT);
				if (name.endsWith(".")) {
					name = name.substring(0, name.length() - 1);
				}
				return name.equals(this.domain) || name.endsWith("." + this.domain);
			}
			byte[] bytes;
			try {
				bytes = parseLiteral(client.address());
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
