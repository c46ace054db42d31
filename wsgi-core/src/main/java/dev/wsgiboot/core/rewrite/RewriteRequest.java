package dev.wsgiboot.core.rewrite;

/**
 * What the rewrite engine may ask about a request. The engine itself knows the
 * URL path and query being rewritten, the file of a directory context and the
 * variables set so far; everything else comes from here.
 */
public interface RewriteRequest {

	/**
	 * A server variable such as {@code REMOTE_ADDR}, {@code REQUEST_METHOD},
	 * {@code SERVER_NAME}, {@code SERVER_PORT}, {@code HTTPS},
	 * {@code THE_REQUEST}, {@code REQUEST_SCHEME}; {@code null} when unknown
	 * (then it expands to the empty string).
	 */
	String variable(String name);

	/** The request header {@code name} (case-insensitive), or {@code null}. */
	String header(String name);

	/**
	 * An environment variable set before the rules ran (SetEnvIf, earlier
	 * contexts), else the process environment; {@code null} when unset.
	 */
	String env(String name);

}
