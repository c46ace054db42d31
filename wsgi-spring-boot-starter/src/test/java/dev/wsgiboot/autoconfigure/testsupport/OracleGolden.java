package dev.wsgiboot.autoconfigure.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * One scenario recorded against real Apache + mod_wsgi (the oracle), copied
 * into the test resources by {@code scripts/refresh-oracle-data.sh}: the
 * requests exactly as sent and the normalised facts of each answer.
 */
public final class OracleGolden {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Object> document;

	private OracleGolden(Map<String, Object> document) {
		this.document = document;
	}

	/** Loads {@code oracle/golden/<name>.json}, e.g. {@code 01-scriptalias-prefix}. */
	@SuppressWarnings("unchecked")
	public static OracleGolden load(String name) {
		try (InputStream in = OracleGolden.class.getResourceAsStream("/oracle/golden/" + name + ".json")) {
			if (in == null) {
				throw new IllegalArgumentException("no golden " + name);
			}
			return new OracleGolden(json.readValue(in, Map.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The directory holding the oracle's {@code apps/} tree in the test resources. */
	public static Path oracleDirectory() {
		try {
			return Path.of(OracleGolden.class.getResource("/oracle/apps").toURI()).getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String config() {
		return (String) this.document.get("config");
	}

	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> requests() {
		return (List<Map<String, Object>>) this.document.get("requests");
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> request(String label) {
		return requests().stream()
			.filter((request) -> label.equals(request.get("label")))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no request labelled " + label));
	}

	public static Map<String, Object> parse(byte[] body) {
		@SuppressWarnings("unchecked")
		Map<String, Object> probe = json.readValue(body, Map.class);
		return probe;
	}

}
