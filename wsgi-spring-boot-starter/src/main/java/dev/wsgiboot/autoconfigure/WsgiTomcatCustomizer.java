package dev.wsgiboot.autoconfigure;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Lets request paths that Apache accepts reach the WSGI router instead of being
 * rejected by Tomcat first: an encoded slash ({@code %2F}) is passed through
 * undecoded, and mod_wsgi's rules then answer it (404 by default, as Apache's
 * {@code AllowEncodedSlashes Off}); paths that are not valid UTF-8 are decoded
 * as latin-1 (PEP 3333's native strings) instead of being refused; an
 * absolute-form request target whose host differs from the Host header is
 * accepted, the target's host winning as HTTP/1.1 says; {@code 100 Continue}
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
			connector.setProperty("allowHostHeaderMismatch", "true");
			// as Apache: "100 Continue" only once the application reads the body, so a request
			// refused before that (401, 411, 413...) never has its body sent
			connector.setProperty("continueResponseTiming", "onRead");
		});
		factory.addContextValves(new WsgiUnreadBodyValve());
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
