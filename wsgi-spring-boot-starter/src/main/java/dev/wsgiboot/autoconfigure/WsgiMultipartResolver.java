package dev.wsgiboot.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Spring's servlet multipart resolver, which parses a multipart request's body
 * into parts before the DispatcherServlet looks for its handler, except that a
 * request for a WSGI mount's URL is resolved lazily: its parts are parsed only
 * when a Java handler asks for them (a controller inside the mount's URL space),
 * so that a WSGI application reads the body from {@code wsgi.input} as the
 * client sent it.
 */
final class WsgiMultipartResolver extends StandardServletMultipartResolver {

	private final ObjectProvider<WsgiHandlerMapping> wsgiHandlerMapping;

	private boolean resolveLazily;

	WsgiMultipartResolver(ObjectProvider<WsgiHandlerMapping> wsgiHandlerMapping) {
		this.wsgiHandlerMapping = wsgiHandlerMapping;
	}

	@Override
	public void setResolveLazily(boolean resolveLazily) {
		super.setResolveLazily(resolveLazily);
		this.resolveLazily = resolveLazily;
	}

	@Override
	public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) {
		if (!this.resolveLazily) {
			WsgiHandlerMapping mapping = this.wsgiHandlerMapping.getIfAvailable();
			if (mapping != null && mapping.isForMount(request)) {
				return new StandardMultipartHttpServletRequest(request, true);
			}
		}
		return super.resolveMultipart(request);
	}

}
