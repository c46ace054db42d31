package dev.wsgiboot.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.wsgiboot.core.config.AccessControl;
import dev.wsgiboot.core.config.AccessControl.Client;
import dev.wsgiboot.core.config.AccessControl.Verdict;
import dev.wsgiboot.core.config.WsgiConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link WsgiProperties.Access}: access rules written as properties,
 * and the errors naming the property.
 */
class WsgiAccessPropertiesTests {

	@Test
	void rulesAreParsedAsInApache() {
		AccessControl access = new WsgiProperties.Access("deny,allow", List.of("10.0.0.0/8", "env=trusted"),
				List.of("all"), "any", List.of("all: ip 192.0.2.0/24; not ip 192.0.2.9", "valid-user"))
			.toAccessControl("wsgi.locations[0].access");
		assertThat(access.order()).isEqualTo(AccessControl.Order.DENY_ALLOW);
		assertThat(access.satisfyAny()).isTrue();
		assertThat(access.compatAllows("10.1.2.3")).isTrue();
		assertThat(access.compatAllows("192.0.2.1")).isFalse();
		assertThat(access.evaluate(Client.of("192.0.2.1"), null)).isEqualTo(Verdict.GRANTED);
		assertThat(access.evaluate(Client.of("192.0.2.9"), null)).isEqualTo(Verdict.AUTHENTICATION_NEEDED);
	}

	@Test
	void authenticationAddsItsRequireLineAsOneMoreAlternative() {
		WsgiProperties.Access access = new WsgiProperties.Access(null, null, null, null, List.of("ip 10.0.0.0/8"));
		WsgiProperties.Auth auth = new WsgiProperties.Auth("basic", "realm", "/etc/htpasswd", "user alice");
		AccessControl combined = WsgiProperties.Access.combine(access, auth, "wsgi.directories[0]");
		assertThat(combined.requireAllows("10.0.0.1")).isTrue();
		assertThat(combined.evaluate(Client.of("192.0.2.1"), "alice")).isEqualTo(Verdict.GRANTED);
	}

	@Test
	void mistakesNameTheProperty() {
		assertThat(failure(new WsgiProperties.Access("sideways", null, null, null, null)).getOrigin())
			.isEqualTo("wsgi.locations[0].access.order");
		assertThat(failure(new WsgiProperties.Access(null, List.of("all", "bad host!"), null, null, null)).getOrigin())
			.isEqualTo("wsgi.locations[0].access.allow[1]");
		assertThat(failure(new WsgiProperties.Access(null, null, null, "maybe", null)).getOrigin())
			.isEqualTo("wsgi.locations[0].access.satisfy");
		WsgiConfigException group = failure(new WsgiProperties.Access(null, null, null, null,
				List.of("all granted", "group admins")));
		assertThat(group.getOrigin()).isEqualTo("wsgi.locations[0].access.require[1]");
		assertThat(group.getReason()).isEqualTo("Require group is not supported yet");
		assertThat(failure(new WsgiProperties.Access(null, null, null, null, List.of("not ip 10.0.0.1"))).getReason())
			.contains("negative Require line has no effect");
		assertThat(failure(new WsgiProperties.Access(null, null, null, null, List.of("all: not ip 10.0.0.1")))
			.getReason()).contains("has no positive Require line");
	}

	private static WsgiConfigException failure(WsgiProperties.Access access) {
		return org.assertj.core.api.Assertions.catchThrowableOfType(WsgiConfigException.class,
				() -> access.toAccessControl("wsgi.locations[0].access"));
	}

}
