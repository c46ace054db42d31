package dev.wsgiboot.core.apache;

/**
 * An Apache httpd configuration file that cannot be read: its syntax is broken
 * (an unterminated quote, an unbalanced section, ...), an {@code Include} cannot
 * be satisfied, or a file cannot be read. Names where the problem is, as
 * {@code file:line} (or just the file's name when the file itself cannot be
 * read), and what is wrong.
 */
public final class ApacheConfigException extends RuntimeException {

	private final String location;

	private final String reason;

	public ApacheConfigException(String location, String message) {
		this(location, message, null);
	}

	public ApacheConfigException(String location, String message, Throwable cause) {
		super(location + ": " + message, cause);
		this.location = location;
		this.reason = message;
	}

	/** Where the problem is: {@code file:line}, or a file's name. */
	public String getLocation() {
		return this.location;
	}

	/** What is wrong, without the location. */
	public String getReason() {
		return this.reason;
	}

}
