package dev.wsgiboot.autoconfigure;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link WsgiTomcatCustomizer} against the Tomcat on the class path:
 * every setting it makes must exist there.
 */
class WsgiTomcatCustomizerTests {

	@Test
	void connectorGetsTheSettingsThatLetApacheRequestsThrough() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		new WsgiTomcatCustomizer().customize(factory);
		Connector connector = new Connector();
		factory.getConnectorCustomizers().forEach((customizer) -> customizer.customize(connector));
		assertThat(connector.getURIEncoding()).isEqualTo("ISO-8859-1");
		assertThat(connector.getEncodedSolidusHandling()).isEqualTo("passthrough");
		assertThat(connector.getProperty("continueResponseTiming")).hasToString("onRead");
		assertThat(factory.getContextValves()).hasAtLeastOneElementOfType(WsgiUnreadBodyValve.class);
	}

	@Test
	void propertyTomcatDoesNotHaveFailsInsteadOfBeingIgnored() {
		Connector connector = new Connector();
		assertThatIllegalStateException()
			.isThrownBy(() -> WsgiTomcatCustomizer.setProtocolProperty(connector, "allowHostHeaderMismatch", "true"))
			.withMessageContaining("no property 'allowHostHeaderMismatch'")
			.withMessageContaining("Http11NioProtocol");
	}

}
