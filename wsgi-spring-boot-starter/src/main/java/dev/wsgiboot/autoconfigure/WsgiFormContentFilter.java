package dev.wsgiboot.autoconfigure;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;

/**
 * Spring Boot's form-content filter (a form sent with PUT, PATCH or DELETE
 * becomes the request's parameters, read from its body), except for the
 * requests that a WSGI mount answers: their body stays unread for the WSGI
 * application's {@code wsgi.input}. Which requests those are is the
 * {@link WsgiEarlyHandlerMapping}'s decision; a request whose path a Java
 * handler may claim is filtered as before (and when the early mapping is
 * switched off, every request is).
 */
final class WsgiFormContentFilter extends OrderedFormContentFilter {

	/** The methods whose bodies {@code FormContentFilter} reads. */
	private static final Set<String> BODY_METHODS = Set.of("PUT", "PATCH", "DELETE");

	private final ObjectProvider<WsgiEarlyHandlerMapping> wsgiEarlyHandlerMapping;

	WsgiFormContentFilter(ObjectProvider<WsgiEarlyHandlerMapping> wsgiEarlyHandlerMapping) {
		this.wsgiEarlyHandlerMapping = wsgiEarlyHandlerMapping;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// the cheap tests first: this runs for every request
		if (request.getContentType() == null || !BODY_METHODS.contains(request.getMethod())) {
			return false;
		}
		WsgiEarlyHandlerMapping mapping = this.wsgiEarlyHandlerMapping.getIfAvailable();
		return mapping != null && mapping.answersFirst(request);
	}

}
