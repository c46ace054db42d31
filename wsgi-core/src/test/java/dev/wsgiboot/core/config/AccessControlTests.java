package dev.wsgiboot.core.config;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.wsgiboot.core.config.AccessControl.Client;
import dev.wsgiboot.core.config.AccessControl.Container;
import dev.wsgiboot.core.config.AccessControl.HostNames;
import dev.wsgiboot.core.config.AccessControl.HostPattern;
import dev.wsgiboot.core.config.AccessControl.Order;
import dev.wsgiboot.core.config.AccessControl.Require;
import dev.wsgiboot.core.config.AccessControl.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Apache's access rules as the oracle recorded them (scenarios 30 and 31).
 */
class AccessControlTests {

	private static final String LOCAL = "127.0.0.1";

	@Test
	void denyAllowWithDenyOfTheClientForbids() {
		assertThat(compat(Order.DENY_ALLOW, List.of(), List.of(LOCAL)).compatAllows(LOCAL)).isFalse();
	}

	@Test
	void allowDenyWithAllowAllAdmits() {
		assertThat(compat(Order.ALLOW_DENY, List.of("all"), List.of()).compatAllows(LOCAL)).isTrue();
	}

	@Test
	void denyAllowWithDenyAllAndAllowOfTheClientAdmits() {
		assertThat(compat(Order.DENY_ALLOW, List.of(LOCAL), List.of("all")).compatAllows(LOCAL)).isTrue();
	}

	@Test
	void allowDenyWithAllowAllAndDenyOfTheClientForbids() {
		assertThat(compat(Order.ALLOW_DENY, List.of("all"), List.of(LOCAL)).compatAllows(LOCAL)).isFalse();
	}

	@Test
	void allowDenyAloneForbids() {
		assertThat(compat(Order.ALLOW_DENY, List.of(), List.of()).compatAllows(LOCAL)).isFalse();
	}

	@Test
	void compatRulesCannotReopenAnInheritedRequireAllDenied() {
		AccessControl root = new AccessControl(null, List.of(), List.of(),
				List.of(new Require(false, true, false, List.of())));
		AccessControl compat = compat(Order.ALLOW_DENY, List.of("all"), List.of());
		assertThat(AccessControl.allows(List.of(root, compat), LOCAL)).isFalse();
		AccessControl granted = new AccessControl(null, List.of(), List.of(),
				List.of(new Require(false, true, true, List.of())));
		assertThat(AccessControl.allows(List.of(root, granted), LOCAL)).isTrue();
	}

	@Test
	void hostPatterns() {
		assertThat(HostPattern.parse("10.1").matches("10.1.200.3")).isTrue();
		assertThat(HostPattern.parse("10.1").matches("10.10.0.1")).isFalse();
		assertThat(HostPattern.parse("10.0.0.0/8").matches("10.255.0.1")).isTrue();
		assertThat(HostPattern.parse("10.0.0.0/255.255.0.0").matches("10.1.0.1")).isFalse();
		assertThat(HostPattern.parse("::1").matches("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(HostPattern.parse("all").matches("203.0.113.9")).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> HostPattern.parse("10.0.0.300"));
		assertThatIllegalArgumentException().isThrownBy(() -> HostPattern.parse("exa mple"));
	}

	@Test
	void hostNamesMatchTheVerifiedNameOrItsDomainsCaseInsensitively() {
		HostNames dns = (address) -> address.equals("192.0.2.5") ? "WWW.Example.ORG." : null;
		assertThat(HostPattern.parse("example.org").matches(client("192.0.2.5", dns))).isTrue();
		assertThat(HostPattern.parse(".example.org").matches(client("192.0.2.5", dns))).isTrue();
		assertThat(HostPattern.parse("www.example.org").matches(client("192.0.2.5", dns))).isTrue();
		assertThat(HostPattern.parse("ample.org").matches(client("192.0.2.5", dns))).isFalse();
		assertThat(HostPattern.parse("other.example.org").matches(client("192.0.2.5", dns))).isFalse();
	}

	@Test
	void aFailedHostNameLookupNeverLetsIn() {
		HostNames failing = (address) -> null;
		AccessControl compat = new AccessControl(Order.ALLOW_DENY, List.of(HostPattern.parse("example.org")),
				List.of(), List.of());
		assertThat(compat.compatAllows(client(LOCAL, failing))).isFalse();
		AccessControl require = new AccessControl(null, List.of(), List.of(),
				List.of(Require.parse(List.of("host", "example.org"))));
		assertThat(require.evaluate(client(LOCAL, failing), null)).isEqualTo(Verdict.DENIED);
	}

	@Test
	void doubleReverseLookupOfTheLoopbackAddress() throws Exception {
		assumeThat(InetAddress.getByName(LOCAL).getCanonicalHostName()).isEqualTo("localhost");
		assertThat(HostNames.DNS.verifiedName(LOCAL)).isEqualTo("localhost");
		assertThat(HostPattern.parse("localhost").matches(LOCAL)).isTrue();
		assertThat(HostNames.DNS.verifiedName("not-an-address")).isNull();
	}

	@Test
	void envPatternsTestWhetherTheVariableIsSet() {
		Map<String, String> env = Map.of("trusted", "");
		Client withVariable = new Client(LOCAL, env::get, HostNames.DNS);
		Client without = new Client(LOCAL, (name) -> null, HostNames.DNS);
		AccessControl allowEnv = new AccessControl(Order.DENY_ALLOW, List.of(HostPattern.parse("env=trusted")),
				List.of(HostPattern.parse("all")), List.of());
		assertThat(allowEnv.compatAllows(withVariable)).isTrue();
		assertThat(allowEnv.compatAllows(without)).isFalse();
		AccessControl denyUnset = new AccessControl(null, List.of(), List.of(HostPattern.parse("env=!trusted")),
				List.of());
		assertThat(denyUnset.compatAllows(withVariable)).isTrue();
		assertThat(denyUnset.compatAllows(without)).isFalse();
		Require requireEnv = Require.parse(List.of("env", "other", "trusted"));
		assertThat(requireEnv.evaluate(withVariable, null)).isEqualTo(Verdict.GRANTED);
		assertThat(requireEnv.evaluate(without, null)).isEqualTo(Verdict.DENIED);
	}

	@Test
	void requireContainersCombineAsApache24() {
		Require network = Require.parse(List.of("ip", "10.0.0.0/8"));
		Require notSeven = Require.parse(List.of("not", "ip", "10.0.0.7"));
		Require validUser = Require.parse(List.of("valid-user"));
		Require all = Require.container(Container.ALL, List.of(network, notSeven));
		assertThat(all.evaluate(Client.of("10.0.0.1"), null)).isEqualTo(Verdict.GRANTED);
		assertThat(all.evaluate(Client.of("10.0.0.7"), null)).isEqualTo(Verdict.DENIED);
		assertThat(all.evaluate(Client.of("192.0.2.1"), null)).isEqualTo(Verdict.DENIED);
		Require none = Require.container(Container.NONE, List.of(network));
		assertThat(none.evaluate(Client.of("10.0.0.1"), null)).isEqualTo(Verdict.DENIED);
		assertThat(none.evaluate(Client.of("192.0.2.1"), null)).isEqualTo(Verdict.NEUTRAL);
		AccessControl any = new AccessControl(null, List.of(), List.of(), List.of(all, validUser));
		assertThat(any.evaluate(Client.of("10.0.0.1"), null)).isEqualTo(Verdict.GRANTED);
		assertThat(any.evaluate(Client.of("10.0.0.7"), null)).isEqualTo(Verdict.AUTHENTICATION_NEEDED);
		assertThat(any.evaluate(Client.of("10.0.0.7"), "alice")).isEqualTo(Verdict.GRANTED);
		Require networkAndUser = Require.container(Container.ALL,
				List.of(network, Require.parse(List.of("user", "alice"))));
		assertThat(networkAndUser.evaluate(Client.of("192.0.2.1"), null)).isEqualTo(Verdict.DENIED);
		assertThat(networkAndUser.evaluate(Client.of("10.0.0.1"), null)).isEqualTo(Verdict.AUTHENTICATION_NEEDED);
		assertThat(networkAndUser.evaluate(Client.of("10.0.0.1"), "bob")).isEqualTo(Verdict.DENIED);
		assertThat(networkAndUser.evaluate(Client.of("10.0.0.1"), "alice")).isEqualTo(Verdict.GRANTED);
	}

	@Test
	void requireLinesAreParsed() {
		assertThat(Require.parse(List.of("local")).evaluate(Client.of("::1"), null)).isEqualTo(Verdict.GRANTED);
		assertThatIllegalArgumentException().isThrownBy(() -> Require.parse(List.of("all", "maybe")));
		assertThatIllegalArgumentException().isThrownBy(() -> Require.parse(List.of("user")));
		assertThatIllegalArgumentException().isThrownBy(() -> Require.parse(List.of("host", "a b!")));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> Require.parse(List.of("group", "admins")));
	}

	private static Client client(String address, HostNames hostNames) {
		return new Client(address, (name) -> null, hostNames);
	}

	private static AccessControl compat(Order order, List<String> allow, List<String> deny) {
		return new AccessControl(order, allow.stream().map(HostPattern::parse).toList(),
				deny.stream().map(HostPattern::parse).toList(), List.of());
	}

}
