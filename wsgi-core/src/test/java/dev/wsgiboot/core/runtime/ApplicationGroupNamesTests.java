package dev.wsgiboot.core.runtime;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ApplicationGroupNames}. The expected names were recorded from
 * a real Apache httpd with mod_wsgi.
 */
class ApplicationGroupNamesTests {

	private static final String SERVER_NAME = "oracle.test";

	private static final RequestHost HOST = new RequestHost("127.0.0.1", 18481);

	private static final UnaryOperator<String> NO_ENVIRONMENT = (name) -> null;

	@Test
	void resourceUsesServerNamePortAndLowerCasedScriptName() {
		assertThat(expand("%{RESOURCE}", HOST, "/MyApp", NO_ENVIRONMENT)).isEqualTo("oracle.test:18481|/myapp");
	}

	@Test
	void resourceLeavesOutDefaultPort() {
		assertThat(expand("%{RESOURCE}", new RequestHost("127.0.0.1", 80), "/MyApp", NO_ENVIRONMENT))
			.isEqualTo("oracle.test|/myapp");
	}

	@Test
	void resourceOfRootMountEndsWithBar() {
		assertThat(expand("%{RESOURCE}", HOST, "", NO_ENVIRONMENT)).isEqualTo("oracle.test:18481|");
	}

	@Test
	void resourceHelperMatchesExpansion() {
		assertThat(ApplicationGroupNames.resource(SERVER_NAME, 18481, "/MyApp")).isEqualTo("oracle.test:18481|/myapp");
		assertThat(ApplicationGroupNames.resource(SERVER_NAME, 80, "/MyApp")).isEqualTo("oracle.test|/myapp");
	}

	@Test
	void globalIsEmptyName() {
		assertThat(expand("%{GLOBAL}", HOST, "/MyApp", NO_ENVIRONMENT)).isEmpty();
	}

	@Test
	void serverUsesServerNameAndPort() {
		assertThat(expand("%{SERVER}", HOST, "/MyApp", NO_ENVIRONMENT)).isEqualTo("oracle.test:18481");
	}

	@Test
	void hostUsesRequestHostAndPort() {
		assertThat(expand("%{HOST}", new RequestHost("www.example.com", 8080), "/MyApp", NO_ENVIRONMENT))
			.isEqualTo("www.example.com:8080");
	}

	@Test
	void environmentVariableIsExpanded() {
		UnaryOperator<String> environment = (name) -> "APPLICATION_GROUP".equals(name) ? "~alice" : null;
		assertThat(expand("%{ENV:APPLICATION_GROUP}", HOST, "/MyApp", environment)).isEqualTo("~alice");
	}

	@Test
	void unsetEnvironmentVariableIsLeftAsWritten() {
		assertThat(expand("%{ENV:APPLICATION_GROUP}", HOST, "/MyApp", NO_ENVIRONMENT))
			.isEqualTo("%{ENV:APPLICATION_GROUP}");
	}

	@Test
	void literalNameIsUsedAsIs() {
		assertThat(expand("my-group", HOST, "/MyApp", NO_ENVIRONMENT)).isEqualTo("my-group");
		assertThat(expand("%{OTHER}", HOST, "/MyApp", NO_ENVIRONMENT)).isEqualTo("%{OTHER}");
	}

	private static String expand(String configured, RequestHost host, String scriptName,
			UnaryOperator<String> environment) {
		return ApplicationGroupNames.expand(configured, SERVER_NAME, host, scriptName, environment);
	}

}
