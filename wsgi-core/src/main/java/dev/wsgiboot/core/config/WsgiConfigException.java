package dev.wsgiboot.core.config;

/**
 * A configuration that cannot be served: names where it came from (a property
 * such as {@code wsgi.script-aliases[0].path} or a {@code file:line}), what is
 * wrong and what to do about it.
 */
public final class WsgiConfigException extends RuntimeException {

	private final String origin;

	private final String reason;

	private final String action;

	public WsgiConfigException(String origin, String reason, String action) {
		this(origin, reason, action, null);
	}

	public WsgiConfigException(String origin, String reason, String action, Throwable cause) {
		super(origin + ": " + reason, cause);
		this.origin = origin;
		this.reason = reason;
		this.action = action;
	}

	/** Where the bad setting is: a property name or {@code file:line}. */
	public String getOrigin() {
		return this.origin;
	}

	public String getReason() {
		return this.reason;
	}

	/** What the user can do about it. */
	public String getAction() {
		return this.action;
	}

}
