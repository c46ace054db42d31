package dev.wsgiboot.core.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Spring's servlet mocks with body streams that copy arrays in bulk, as Tomcat's
 * do. The mocks' own streams implement only the one-byte {@code read()} and
 * {@code write(int)}, so every array read or write goes byte by byte; for a
 * 1 KiB body that cost 16-27 us per operation, more than the gateway itself.
 */
final class BulkStreamMocks {

	private BulkStreamMocks() {
	}

	/** A request whose body is read from a {@link ByteArrayInputStream}. */
	static final class Request extends MockHttpServletRequest {

		private ServletInputStream input;

		Request(String method, String uri) {
			super(method, uri);
		}

		@Override
		public void setContent(byte[] content) {
			super.setContent(content);
			this.input = null;
		}

		@Override
		public ServletInputStream getInputStream() {
			if (this.input == null) {
				byte[] content = getContentAsByteArray();
				this.input = new Input(new ByteArrayInputStream((content != null) ? content : new byte[0]));
			}
			return this.input;
		}

	}

	/** A response whose body is written to a {@link ByteArrayOutputStream}. */
	static final class Response extends MockHttpServletResponse {

		private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);

		private final ServletOutputStream output = new Output(this.body);

		@Override
		public ServletOutputStream getOutputStream() {
			return this.output;
		}

		@Override
		public byte[] getContentAsByteArray() {
			return this.body.toByteArray();
		}

		@Override
		public void resetBuffer() {
			// reset() calls this too, as an error answer after a started one does
			super.resetBuffer();
			this.body.reset();
		}

	}

	private static final class Input extends ServletInputStream {

		private final ByteArrayInputStream bytes;

		Input(ByteArrayInputStream bytes) {
			this.bytes = bytes;
		}

		@Override
		public int read() {
			return this.bytes.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.bytes.read(buffer, offset, length);
		}

		@Override
		public int available() {
			return this.bytes.available();
		}

		@Override
		public boolean isFinished() {
			return this.bytes.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException();
		}

	}

	private static final class Output extends ServletOutputStream {

		private final ByteArrayOutputStream bytes;

		Output(ByteArrayOutputStream bytes) {
			this.bytes = bytes;
		}

		@Override
		public void write(int b) {
			this.bytes.write(b);
		}

		@Override
		public void write(byte[] buffer, int offset, int length) {
			this.bytes.write(buffer, offset, length);
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			throw new UnsupportedOperationException();
		}

	}

}
