package dev.wsgiboot.autoconfigure;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import dev.wsgiboot.core.runtime.WsgiRuntime;

/**
 * Closes the connection after the response, without reading the request body,
 * when a WSGI application answered a client that waits for
 * {@code 100 Continue} without reading its body (the runtime marks such
 * requests with {@link WsgiRuntime#CLOSE_WITHOUT_READING_BODY}). Apache does
 * that; Tomcat would otherwise wait for up to {@code maxSwallowSize} bytes of a
 * body the client will never send, until the connection times out.
 */
final class WsgiUnreadBodyValve extends ValveBase {

	WsgiUnreadBodyValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
		if (Boolean.TRUE.equals(request.getAttribute(WsgiRuntime.CLOSE_WITHOUT_READING_BODY))) {
			request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		}
	}

}
