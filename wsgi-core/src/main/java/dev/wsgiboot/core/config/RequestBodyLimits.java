package dev.wsgiboot.core.config;

/**
 * Apache's {@code LimitRequestBody} and mod_wsgi's {@code WSGIChunkedRequest}
 * for one scope (the server, a {@code <Directory>} or a {@code <Location>});
 * {@code null} means "not set here", so a wider scope's value applies.
 *
 * @param limit the largest request body in bytes, {@code 0} for no limit, or
 * {@code null}
 * @param chunked whether chunked request bodies (no {@code Content-Length}) are
 * accepted, or {@code null}
 */
public record RequestBodyLimits(Long limit, Boolean chunked) {

	/** Apache's default limit since 2.4.54: 1 GiB. */
	public static final long DEFAULT_LIMIT = 1L << 30;

	/** Nothing set. */
	public static final RequestBodyLimits NONE = new RequestBodyLimits(null, null);

	/** The server's defaults: 1 GiB, chunked bodies refused (411). */
	public static final RequestBodyLimits DEFAULTS = new RequestBodyLimits(DEFAULT_LIMIT, false);

	public RequestBodyLimits {
		if (limit != null && limit < 0) {
			throw new IllegalArgumentException("limit must not be negative, got " + limit);
		}
	}

	/** These limits with what {@code narrower} sets replacing them. */
	public RequestBodyLimits with(RequestBodyLimits narrower) {
		if (narrower == null || narrower.equals(NONE)) {
			return this;
		}
		return new RequestBodyLimits((narrower.limit != null) ? narrower.limit : this.limit,
				(narrower.chunked != null) ? narrower.chunked : this.chunked);
	}

	/** Whether nothing is set. */
	public boolean isEmpty() {
		return this.limit == null && this.chunked == null;
	}

	/** Whether a body of {@code length} bytes is over the limit. */
	public boolean exceeds(long length) {
		return this.limit != null && this.limit > 0 && length > this.limit;
	}

}
