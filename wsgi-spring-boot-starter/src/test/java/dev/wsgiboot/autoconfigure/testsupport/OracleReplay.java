package dev.wsgiboot.autoconfigure.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replays a golden request against a running server exactly as the oracle
 * sent it to Apache, and lists how the answer differs from the golden, with
 * the oracle's compare rules: status first, then Location / X-Probe-* headers,
 * then for probe answers the environ keys that PEP 3333 and mod_wsgi define
 * (ignoring server identity, ports, timestamps and Apache's file-mapping
 * details), body length and interpreter counters.
 */
public final class OracleReplay {

	/** environ keys never compared (oracle compare.py's ignore list). */
	private static final Set<String> IGNORED_KEYS = Set.of("SERVER_SOFTWARE", "SERVER_SIGNATURE", "SERVER_ADMIN",
			"GATEWAY_INTERFACE", "SERVER_ADDR", "REQUEST_SCHEME", "REMOTE_PORT", "DOCUMENT_ROOT",
			"CONTEXT_DOCUMENT_ROOT", "CONTEXT_PREFIX", "PATH_TRANSLATED", "SCRIPT_URL", "SCRIPT_URI", "apache.version");

	/** The CGI process environment's own keys, not compared for CGI probes (as compare.py). */
	private static final Set<String> CGI_PROCESS_KEYS = Set.of("PATH", "LC_CTYPE");

	private static final Set<String> OBJECT_KEYS = Set.of("wsgi.input", "wsgi.errors", "wsgi.file_wrapper");

	private final int port;

	private final String oracleDirectory;

	public OracleReplay(int port) {
		this.port = port;
		this.oracleDirectory = OracleGolden.oracleDirectory().toString();
	}

	/** Sends the request and returns the differences from the golden; empty when it matches. */
	@SuppressWarnings("unchecked")
	public List<String> replay(Map<String, Object> golden) throws IOException {
		return replay(golden, 0);
	}

	/**
	 * As {@link #replay(Map)}, for a request that follows {@code missed} probe
	 * requests that could not be replayed (known differences): the probe's
	 * request counters are then that much lower than Apache's.
	 */
	public List<String> replay(Map<String, Object> golden, int missed) throws IOException {
		Map<String, Object> request = (Map<String, Object>) golden.get("request");
		Map<String, Object> expected = (Map<String, Object>) golden.get("response");
		List<String> differences = new ArrayList<>();
		RawHttpClient.RawResponse response;
		if (Boolean.TRUE.equals(request.get("expect_100_continue"))) {
			ExpectContinueExchange exchange = expectContinue(head(request), body(request));
			response = exchange.response();
			Object interim = expected.get("interim");
			if (exchange.interim100() != (interim != null && String.valueOf(interim).contains("100"))) {
				differences.add("interim: expected " + ((interim != null) ? interim : "no 100 Continue") + " got "
						+ (exchange.interim100() ? "100 Continue" : "no 100 Continue"));
			}
			Object sent = expected.get("request_body_sent");
			if (sent instanceof Boolean wantSent && wantSent != exchange.bodySent()) {
				differences.add("request_body_sent: expected " + wantSent + " got " + exchange.bodySent());
			}
		}
		else {
			// the first request of a scenario creates an interpreter: slow on a busy machine
			response = new RawHttpClient(this.port).withTimeout(180_000).send(head(request), body(request));
		}
		int expectedStatus = ((Number) expected.get("status")).intValue();
		if (response.status() != expectedStatus) {
			differences.add("status: expected " + expectedStatus + " got " + response.status());
			return differences;
		}
		for (String header : List.of("Location", "WWW-Authenticate", "X-Probe-Script", "X-Probe-Method")) {
			String want = expectedHeader(expected, header);
			String got = response.header(header);
			if (header.equals("Location") && got != null) {
				got = got.replace("http://127.0.0.1:" + this.port, "");
				want = (want != null) ? want.replace("http://127.0.0.1:{PORT}", "") : null;
			}
			if (!Objects.equals(want, got)) {
				differences.add(header + ": expected " + want + " got " + got);
			}
		}
		Object probe = expected.get("probe");
		if (probe instanceof Map<?, ?> wantProbe && expectedStatus < 300) {
			Map<String, Object> gotProbe;
			try {
				gotProbe = OracleGolden.parse(response.body());
			}
			catch (RuntimeException ex) {
				differences.add("body: expected a probe document, got " + response.text());
				return differences;
			}
			compareProbe((Map<String, Object>) wantProbe, gotProbe, missed, differences);
		}
		return differences;
	}

	/**
	 * Sends a request with {@code Expect: 100-continue} as the oracle does: the
	 * body only after {@code 100 Continue}, or after a silence; never when the
	 * final answer comes first. The oracle waits 3 s; this waits 30 s, because
	 * the first request of a scenario creates an interpreter, which can take
	 * longer than 3 s on a busy machine (and would then look like a server
	 * waiting for the body).
	 */
	private ExpectContinueExchange expectContinue(byte[] head, byte[] body) throws IOException {
		RawHttpClient client = new RawHttpClient(this.port);
		try (Socket socket = client.open()) {
			OutputStream out = socket.getOutputStream();
			out.write(head);
			out.flush();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			boolean interim = false;
			boolean sent = false;
			socket.setSoTimeout(30_000);
			try {
				String line = RawHttpClient.readLine(in);
				if (line != null && line.matches("HTTP/1\\.1 100( .*)?")) {
					interim = true;
					while (!RawHttpClient.readLine(in).isEmpty()) {
						// headers of the interim response
					}
					out.write(body);
					out.flush();
					sent = true;
				}
				else if (line != null) {
					received.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
				}
			}
			catch (SocketTimeoutException ex) {
				out.write(body);
				out.flush();
				sent = true;
			}
			socket.setSoTimeout(120_000);
			received.writeBytes(in.readAllBytes());
			return new ExpectContinueExchange(RawHttpClient.RawResponse.parse(received.toByteArray()), interim, sent);
		}
	}

	private record ExpectContinueExchange(RawHttpClient.RawResponse response, boolean interim100, boolean bodySent) {
	}

	@SuppressWarnings("unchecked")
	private void compareProbe(Map<String, Object> want, Map<String, Object> got, int missed,
			List<String> differences) {
		Map<String, Object> wantEnv = (Map<String, Object>) want.get("environ");
		Map<String, Object> gotEnv = (Map<String, Object>) got.get("environ");
		Set<String> keys = new TreeSet<>(wantEnv.keySet());
		keys.addAll(gotEnv.keySet());
		boolean cgi = Boolean.TRUE.equals(want.get("cgi"));
		for (String key : keys) {
			if (IGNORED_KEYS.contains(key) || (cgi && CGI_PROCESS_KEYS.contains(key)) || key.startsWith("REDIRECT_")
					|| (key.startsWith("mod_wsgi.") && !key.equals("mod_wsgi.process_group")
							&& !key.equals("mod_wsgi.application_group") && !key.equals("mod_wsgi.callable_object")
							&& !key.equals("mod_wsgi.script_reloading"))) {
				continue;
			}
			Object w = normalise(wantEnv.get(key));
			Object g = gotEnv.get(key);
			if (OBJECT_KEYS.contains(key)) {
				if ((w == null) != (g == null)) {
					differences.add(key + ": expected " + (w != null ? "present" : "absent") + " got "
							+ (g != null ? "present" : "absent"));
				}
				continue;
			}
			if (!Objects.equals(w, g)) {
				differences.add(key + ": expected " + describe(w) + " got " + describe(g));
			}
		}
		for (String field : List.of("body_length", "body_read_error", "counters")) {
			Object w = want.get(field);
			Object g = got.get(field);
			if (field.equals("body_read_error")) {
				w = (w != null);
				g = (g != null);
			}
			if (field.equals("counters") && missed > 0 && w instanceof Map<?, ?> counters) {
				Map<String, Object> rebased = new LinkedHashMap<>();
				counters.forEach((k, v) -> rebased.put((String) k, ((Number) v).intValue() - missed));
				w = rebased;
			}
			if (!Objects.equals(w, g)) {
				differences.add(field + ": expected " + w + " got " + g);
			}
		}
		Object wantLoads = want.get("interpreter_loaded_scripts");
		Object gotLoads = got.get("interpreter_loaded_scripts");
		if (!Objects.equals(wantLoads, gotLoads)) {
			differences.add("interpreter_loaded_scripts: expected " + wantLoads + " got " + gotLoads);
		}
	}

	private Object normalise(Object value) {
		if (value instanceof String s) {
			return s.replace("{PORT}", Integer.toString(this.port)).replace("{ORACLE}", this.oracleDirectory);
		}
		return value;
	}

	private static String describe(Object value) {
		return (value == null) ? "(absent)" : "'" + value + "'";
	}

	@SuppressWarnings("unchecked")
	private String expectedHeader(Map<String, Object> expected, String name) {
		for (List<String> header : (List<List<String>>) expected.get("headers")) {
			if (header.get(0).equalsIgnoreCase(name)) {
				return header.get(1);
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private byte[] head(Map<String, Object> request) {
		StringBuilder sb = new StringBuilder();
		sb.append(request.get("method")).append(' ').append(replacePort((String) request.get("target"))).append(' ')
			.append(request.get("http_version")).append("\r\n");
		for (List<String> header : (List<List<String>>) request.get("headers")) {
			sb.append(header.get(0)).append(": ").append(replacePort(header.get(1))).append("\r\n");
		}
		sb.append("\r\n");
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	private byte[] body(Map<String, Object> request) {
		int length = ((Number) request.getOrDefault("body_length", 0)).intValue();
		byte[] body = "x".repeat(length).getBytes(StandardCharsets.US_ASCII);
		if (Boolean.TRUE.equals(request.get("chunked"))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (length > 0) {
				out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.writeBytes(body);
				out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			return out.toByteArray();
		}
		return body;
	}

	private String replacePort(String s) {
		return s.replace("{PORT}", Integer.toString(this.port));
	}

}
