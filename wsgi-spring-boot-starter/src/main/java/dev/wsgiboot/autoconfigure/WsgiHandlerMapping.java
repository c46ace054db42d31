package dev.wsgiboot.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

import dev.wsgiboot.core.routing.RouteMatch;
import dev.wsgiboot.core.runtime.WsgiRuntime;

/**
 * Hands requests that match a WSGI mount to the {@link WsgiRuntime}. Ordered
 * after the Java controllers' mappings, so a {@code @RestController} answering
 * the same URL wins. Rewrite rules therefore see only URLs no controller
 * claimed; a request they rewrote, redirected or refused is handled here even
 * when no mount maps it.
 */
public final class WsgiHandlerMapping extends AbstractHandlerMapping {

	private static final String MATCH_ATTRIBUTE = WsgiHandlerMapping.class.getName() + ".match";

	private final WsgiRuntime runtime;

	private final HttpRequestHandler handler;

	public WsgiHandlerMapping(WsgiRuntime runtime) {
		this.runtime = runtime;
		this.handler = this::handle;
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) {
		RouteMatch match = this.runtime.route(request);
		if (match == null) {
			return null;
		}
		request.setAttribute(MATCH_ATTRIBUTE, match);
		return this.handler;
	}

	private void handle(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
		RouteMatch match = (RouteMatch) request.getAttribute(MATCH_ATTRIBUTE);
		this.runtime.service(request, response, match);
	}

}
