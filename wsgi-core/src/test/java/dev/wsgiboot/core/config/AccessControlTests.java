package dev.wsgiboot.core.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.wsgiboot.core.config.AccessControl.HostPattern;
import dev.wsgiboot.core.config.AccessControl.Order;
import dev.wsgiboot.core.config.AccessControl.Require;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
		assertThatIllegalArgumentException().isThrownBy(() -> HostPattern.parse("www.example.com"));
	}

	private static AccessControl compat(Order order, List<String> allow, List<String> deny) {
		return new AccessControl(order, allow.stream().map(HostPattern::parse).toList(),
				deny.stream().map(HostPattern::parse).toList(), List.of());
	}

}
