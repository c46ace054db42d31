package dev.wsgiboot.autoconfigure;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Lets request paths that Apache accepts reach the WSGI router instead of being
 * rejected by Tomcat first: an encoded slash ({@code %2F}) is passed through
 * undecoded, and mod_wsgi's rules then answer it (404 by default, as Apache's
 * {@code AllowEncodedSlashes Off}).
 */
final class WsgiTomcatCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addConnectorCustomizers((connector) -> connector.setEncodedSolidusHandling("passthrough"));
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
