package dev.wsgiboot.autoconfigure;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import dev.wsgiboot.core.runtime.WsgiRuntime;

/**
 * Closes the connection after the response without reading the rest of the
 * request body, for the requests the runtime marks with
 * {@link WsgiRuntime#CLOSE_WITHOUT_READING_BODY}: a body refused by
 * {@code LimitRequestBody} (413) or {@code WSGIChunkedRequest} (411), and a
 * body the application never read while the client waits for
 * {@code 100 Continue}. Apache closes the connection there; Tomcat would
 * otherwise read (swallow) up to {@code maxSwallowSize} (2 MB) of a body the
 * client may never send, holding the connection until it times out.
 */
final class WsgiUnreadBodyValve extends ValveBase {

	WsgiUnreadBodyValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		if (Boolean.TRUE.equals(request.getAttribute(WsgiRuntime.CLOSE_WITHOUT_READING_BODY))) {
			// the answer is complete: send it, then close instead of reading what is left of the body
			int status = response.getStatus();
			response.flushBuffer();
			request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
			// Tomcat marks this as an error (status 500, error page): the response already went out as it was
			response.getCoyoteResponse().setStatus(status);
			response.getCoyoteResponse().setErrorReported();
		}
	}

}
