package dev.wsgiboot.core.runtime;

import java.io.IOException;

/**
 * Thrown after a WSGI application failed once its response had started: the
 * status line is gone, so the only honest answer left is to cut the connection,
 * which the servlet container does when this propagates.
 */
public final class ResponseAbortedException extends IOException {

	public ResponseAbortedException(String message) {
		super(message);
	}

}
