package dev.wsgiboot.autoconfigure;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Lets request paths that Apache accepts reach the WSGI router instead of being
 * rejected by Tomcat first: an encoded slash ({@code %2F}) is passed through
 * undecoded, and mod_wsgi's rules then answer it (404 by default, as Apache's
 * {@code AllowEncodedSlashes Off}); paths that are not valid UTF-8 are decoded
 * as latin-1 (PEP 3333's native strings) instead of being refused; {@code 100 Continue}
 * is sent only when the body is read, so that a request refused first
 * ({@code LimitRequestBody}'s 413, a 401) does not make the client send it;
 * and {@link WsgiUnreadBodyValve} closes the connection instead of reading a
 * request body the WSGI runtime refused or left unread for a client still
 * waiting for {@code 100 Continue}.
 */
final class WsgiTomcatCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addConnectorCustomizers((connector) -> {
			connector.setEncodedSolidusHandling("passthrough");
			// PEP 3333: path bytes are exposed as latin-1, and a path that is not
			// valid UTF-8 (e.g. %E9) is a valid request, not a 400
			connector.setURIEncoding("ISO-8859-1");
			// as Apache: "100 Continue" only once the application reads the body, so a request
			// refused before that (401, 411, 413...) never has its body sent
			setProtocolProperty(connector, "continueResponseTiming", "onRead");
		});
		factory.addContextValves(new WsgiUnreadBodyValve());
	}

	/**
	 * Tomcat ignores a property its protocol does not have (it only returns
	 * {@code false}); one removed in a Tomcat upgrade must not go unnoticed.
	 * ({@code allowHostHeaderMismatch}, which would have let an absolute-form
	 * request target name another host than the Host header, was set here while
	 * Tomcat 11 no longer has it: such requests are still a 400.)
	 */
	static void setProtocolProperty(Connector connector, String name, String value) {
		if (!connector.setProperty(name, value)) {
			throw new IllegalStateException("Tomcat's " + connector.getProtocolHandlerClassName()
					+ " has no property '" + name + "' that the WSGI starter sets to '" + value
					+ "'; this Tomcat version is not supported");
		}
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
