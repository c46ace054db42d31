package dev.wsgiboot.core.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends files as Apache's core handler does: {@code Content-Type} from the
 * system's table, {@code ETag} (size and modification time, as Apache's
 * default {@code FileETag MTime Size}) and {@code Last-Modified}; the
 * conditional requests of RFC 9110 ({@code If-Match},
 * {@code If-Unmodified-Since}: 412; {@code If-None-Match},
 * {@code If-Modified-Since}: 304); a single byte range ({@code Range},
 * {@code If-Range}: 206, 416 when unsatisfiable); HEAD without a body; GET
 * and POST send the file, OPTIONS lists the methods, others get a 405. The
 * file is streamed from its channel, never read into memory. Thread-safe.
 */
final class StaticFiles {

	private static final int BUFFER_SIZE = 64 * 1024;

	private final MimeTypes mimeTypes;

	StaticFiles(MimeTypes mimeTypes) {
		this.mimeTypes = mimeTypes;
	}

	void send(HttpServletRequest request, HttpServletResponse response, Path file) throws IOException {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		String method = request.getMethod();
		if (!(method.equals("GET") || method.equals("HEAD") || method.equals("POST"))) {
			// Apache's core handler: OPTIONS lists what a file allows, other methods are refused
			response.setHeader("Allow", "GET,POST,OPTIONS,HEAD");
			response.setStatus(method.equals("OPTIONS") ? HttpServletResponse.SC_OK
					: HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			response.setContentLength(0);
			return;
		}
		long length = attributes.size();
		long modified = attributes.lastModifiedTime().toMillis();
		String etag = "\"" + Long.toHexString(length) + "-"
				+ Long.toHexString(attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS)) + "\"";
		boolean getOrHead = method.equals("GET") || method.equals("HEAD");
		response.setDateHeader("Last-Modified", modified);
		response.setHeader("ETag", etag);
		int precondition = precondition(request, etag, modified, getOrHead);
		if (precondition != 0) {
			response.setStatus(precondition);
			if (precondition == HttpServletResponse.SC_PRECONDITION_FAILED) {
				response.setContentLength(0);
			}
			return;
		}
		response.setHeader("Accept-Ranges", "bytes");
		String name = file.getFileName().toString();
		String type = this.mimeTypes.forFileName(name);
		if (type == null) {
			type = request.getServletContext().getMimeType(name);
		}
		if (type != null) {
			response.setContentType(type);
		}
		long start = 0;
		long count = length;
		String range = method.equals("GET") ? request.getHeader("Range") : null;
		if (range != null && rangeApplies(request, etag, modified)) {
			long[] bounds = ByteRange.parse(range, length);
			if (bounds == ByteRange.UNSATISFIABLE) {
				response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
				response.setHeader("Content-Range", "bytes */" + length);
				response.setContentType(null);
				response.setContentLength(0);
				return;
			}
			if (bounds != null) {
				start = bounds[0];
				count = bounds[1] - bounds[0] + 1;
				response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
				response.setHeader("Content-Range", "bytes " + bounds[0] + "-" + bounds[1] + "/" + length);
			}
		}
		response.setContentLengthLong(count);
		if (method.equals("HEAD") || count == 0) {
			return;
		}
		copy(file, start, count, response.getOutputStream());
	}

	/** 304 or 412 when a precondition says so, else 0 (RFC 9110 section 13.2.2 order). */
	private static int precondition(HttpServletRequest request, String etag, long modified, boolean getOrHead) {
		String ifMatch = request.getHeader("If-Match");
		if (ifMatch != null) {
			if (!matches(ifMatch, etag, false)) {
				return HttpServletResponse.SC_PRECONDITION_FAILED;
			}
		}
		else {
			long unmodifiedSince = date(request, "If-Unmodified-Since");
			if (unmodifiedSince >= 0 && modified / 1000 > unmodifiedSince / 1000) {
				return HttpServletResponse.SC_PRECONDITION_FAILED;
			}
		}
		String ifNoneMatch = request.getHeader("If-None-Match");
		if (ifNoneMatch != null) {
			if (matches(ifNoneMatch, etag, true)) {
				return getOrHead ? HttpServletResponse.SC_NOT_MODIFIED : HttpServletResponse.SC_PRECONDITION_FAILED;
			}
		}
		else if (getOrHead) {
			long modifiedSince = date(request, "If-Modified-Since");
			if (modifiedSince >= 0 && modified / 1000 <= modifiedSince / 1000) {
				return HttpServletResponse.SC_NOT_MODIFIED;
			}
		}
		return 0;
	}

	/** {@code If-Range}: the range is sent only while the validator still matches. */
	private static boolean rangeApplies(HttpServletRequest request, String etag, long modified) {
		String ifRange = request.getHeader("If-Range");
		if (ifRange == null) {
			return true;
		}
		String value = ifRange.strip();
		if (value.startsWith("\"") || value.startsWith("W/")) {
			return value.equals(etag);
		}
		long date = date(request, "If-Range");
		return date >= 0 && modified / 1000 == date / 1000;
	}

	/** Whether an entity-tag list ({@code *} or tags) names {@code etag}. */
	static boolean matches(String list, String etag, boolean weak) {
		for (String candidate : list.split(",")) {
			String tag = candidate.strip();
			if (tag.equals("*")) {
				return true;
			}
			if (tag.startsWith("W/")) {
				if (!weak) {
					continue;
				}
				tag = tag.substring(2);
			}
			if (tag.equals(etag)) {
				return true;
			}
		}
		return false;
	}

	private static long date(HttpServletRequest request, String header) {
		try {
			return request.getDateHeader(header);
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
	}

	private static void copy(Path file, long start, long count, OutputStream out) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER_SIZE, count));
			long position = start;
			long remaining = count;
			while (remaining > 0) {
				buffer.clear();
				buffer.limit((int) Math.min(buffer.capacity(), remaining));
				int read = channel.read(buffer, position);
				if (read < 0) {
					break;
				}
				out.write(buffer.array(), 0, read);
				position += read;
				remaining -= read;
			}
		}
	}

	/** The {@code Range} header of RFC 9110 section 14.1.2, one range at a time. */
	static final class ByteRange {

		/** A syntactically valid range that no byte of the file satisfies: 416. */
		static final long[] UNSATISFIABLE = new long[0];

		private ByteRange() {
		}

		/**
		 * First and last byte of a single {@code bytes=} range; {@code null} when
		 * the header is malformed, uses another unit or asks for several ranges
		 * (the whole file is then sent, which RFC 9110 permits);
		 * {@link #UNSATISFIABLE} when it starts beyond the end.
		 */
		static long[] parse(String header, long length) {
			String value = header.strip();
			if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
				return null;
			}
			String spec = value.substring(6).strip();
			if (spec.contains(",")) {
				return null;
			}
			int dash = spec.indexOf('-');
			if (dash < 0) {
				return null;
			}
			try {
				String first = spec.substring(0, dash).strip();
				String last = spec.substring(dash + 1).strip();
				if (first.isEmpty()) {
					long suffix = Long.parseLong(last);
					if (suffix <= 0 || length == 0) {
						return (suffix < 0) ? null : UNSATISFIABLE;
					}
					return new long[] { Math.max(0, length - suffix), length - 1 };
				}
				long start = Long.parseLong(first);
				long end = last.isEmpty() ? length - 1 : Long.parseLong(last);
				if (start < 0 || end < start) {
					return null;
				}
				if (start >= length) {
					return UNSATISFIABLE;
				}
				return new long[] { start, Math.min(end, length - 1) };
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
